-- Attachment bytes go to central after the entry's ops (issue 7). `uploaded_at` is when central
-- confirmed it stores these very bytes: the local retention clock starts there.
-- `upload_error` is the last refusal, kept for staff; the upload is retried on every sync.
ALTER TABLE registry_attachments ADD COLUMN uploaded_at TEXT;
ALTER TABLE registry_attachments ADD COLUMN upload_error TEXT;

CREATE INDEX registry_attachments_not_uploaded ON registry_attachments (uploaded_at)
  WHERE uploaded_at IS NULL;
