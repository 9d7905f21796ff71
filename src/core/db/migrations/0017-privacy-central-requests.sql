-- Data-subject requests this counter sent to central (export or erasure of central's part) and
-- central's answer as pulled: the Privacy screen shows central's part beside the counter's.
CREATE TABLE privacy_central_requests (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('export', 'erase')),
  requested_at TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  answered_at TEXT,
  -- Central's answer (its export, or its erasure report) as JSON.
  answer TEXT
) STRICT;
CREATE INDEX privacy_central_requests_resident ON privacy_central_requests (resident_id, requested_at);
