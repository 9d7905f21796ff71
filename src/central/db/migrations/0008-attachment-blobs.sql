-- Attachment bytes uploaded by counters (issue 7). Content-addressed: the same SHA-256 is
-- stored once, however many entries or uploads carry it. Kept in the database itself, so
-- backups, replication and the IT person's disk encryption cover them like the entries.
CREATE TABLE registry_attachment_blobs (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  bytes BYTEA NOT NULL,
  stored_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX registry_attachments_entry ON registry_attachments (entry_id);

-- Set once every attachment the entry lists is stored: `registry.entry_stored` goes out then.
ALTER TABLE registry_entries ADD COLUMN attachments_complete_at TIMESTAMPTZ;
