-- The padrón at central (issue 5): the register as the town hall last imported it, one row per
-- resident with the version counters received, and a log of the imports. The document number
-- is kept as imported, as in the padrón software on the same server: counters need it to
-- compute their own keyed hash, and never store it plain themselves.

CREATE TABLE register_residents (
  resident_id TEXT PRIMARY KEY,
  version BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'deregistered')),
  deregistered_on TEXT,
  -- SHA-256 of the fields as sent: change detection between imports.
  row_hash TEXT NOT NULL,
  fields JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX register_residents_status ON register_residents (status);

CREATE TABLE register_imports (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  file_name TEXT NOT NULL,
  imported INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  deregistered INTEGER NOT NULL
);
