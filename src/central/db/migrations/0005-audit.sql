-- Each counter's audit chain as central received it, every checkpoint it sent, and a sticky
-- flag when the chain stopped adding up (a rewrite, a cut or a forged checkpoint on the device).

CREATE TABLE audit_chains (
  device_id TEXT PRIMARY KEY REFERENCES devices (id),
  size BIGINT NOT NULL,
  head_hash TEXT NOT NULL,
  flag_problem TEXT,
  flag_seq BIGINT,
  flagged_at TIMESTAMPTZ
);

CREATE TABLE audit_entries (
  device_id TEXT NOT NULL REFERENCES devices (id),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  entry JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (device_id, seq)
);

CREATE TABLE audit_checkpoints (
  id BIGSERIAL PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  size BIGINT NOT NULL,
  head_hash TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  signature TEXT NOT NULL,
  problem TEXT,
  received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_checkpoints_device_size ON audit_checkpoints (device_id, size);
