-- Sync with central: the link and loop state, pulled-entity versions, and parked changes.

-- One row: where central is, how far we have pulled, and what the loop last saw.
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  central_url TEXT,
  enrolled_at TEXT,
  pull_cursor INTEGER NOT NULL DEFAULT 0,
  -- Central's clock minus ours, learnt from a clock_skew refusal: signatures use corrected time.
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  next_attempt_at TEXT
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- The version of each pulled entity held here: older or replayed changes are ignored.
CREATE TABLE sync_versions (
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (type, entity_id)
) STRICT, WITHOUT ROWID;

-- Changes of a type this build cannot apply yet: kept, not lost, for a later version.
CREATE TABLE sync_parked_changes (
  seq INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
