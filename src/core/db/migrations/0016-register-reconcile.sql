-- Once central holds the padrón, counters follow it. `central_version` is central's version of
-- a resident as last applied here; NULL means central has not spoken for this row (a local
-- import). Residents central already sent are marked from the sync bookkeeping.
ALTER TABLE residents ADD COLUMN central_version INTEGER;
UPDATE residents SET central_version = (
  SELECT v.version FROM sync_versions v
  WHERE v.type = 'register.resident' AND v.entity_id = residents.resident_id
);

-- What the first word from central found on a locally imported row: the same fields, or which
-- of them differed (column names only, never values). The reconcile report reads this.
CREATE TABLE register_reconcile (
  resident_id TEXT PRIMARY KEY,
  outcome TEXT NOT NULL CHECK (outcome IN ('same', 'changed')),
  fields TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
