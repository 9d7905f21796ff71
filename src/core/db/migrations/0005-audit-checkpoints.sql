-- Signed checkpoints of the audit chain: (device, size, head hash, time) under the device key.
-- Central keeps every one it receives, so a log cut short or rewritten on the counter shows up.

CREATE TABLE audit_checkpoint (
  id INTEGER PRIMARY KEY,
  device TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 1),
  head_hash TEXT NOT NULL,
  at TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;

CREATE INDEX audit_checkpoint_size ON audit_checkpoint (size);

-- Like audit_log: a second line of defence, the signatures and central are the proof.
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;

-- Subject search on the Audit screen (a resident's masked id, a handle).
CREATE INDEX audit_log_subject ON audit_log (subject);
