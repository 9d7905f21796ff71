-- A failed upload staff chose not to send: the bytes stay on this counter (the local retention
-- clock never starts, as it starts at `uploaded_at`) and sync stops trying. Why is in the audit.
ALTER TABLE registry_attachments ADD COLUMN upload_discarded_at TEXT;
