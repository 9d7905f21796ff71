-- The resident register (padrón). Document numbers are kept only as a keyed hash plus a mask.

CREATE TABLE residents (
  id INTEGER PRIMARY KEY,
  -- The town's own identifier of the inscription, as exported.
  resident_id TEXT NOT NULL UNIQUE,
  document_type TEXT NOT NULL CHECK (document_type IN ('DNI', 'NIE', 'PASSPORT', 'OTHER', 'NONE')),
  -- HMAC-SHA256 of the normalised number with the installation key; NULL for minors without one.
  document_hash TEXT CHECK (document_hash IS NULL OR length(document_hash) = 64),
  document_masked TEXT,
  given_names TEXT NOT NULL,
  surname1 TEXT NOT NULL,
  surname2 TEXT,
  birth_date TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sex TEXT CHECK (sex IS NULL OR sex IN ('M', 'F', 'X')),
  nationality TEXT,
  address TEXT,
  district TEXT,
  -- Match keys: MRZ alphabet, particles dropped; phonetic keys for typed names.
  surnames_key TEXT NOT NULL,
  given_key TEXT NOT NULL,
  phonetic_surname1 TEXT NOT NULL,
  phonetic_given TEXT NOT NULL,
  -- Digest of the stored fields, so a re-import can tell "unchanged" without comparing each one.
  row_hash TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deregistered')),
  deregistered_on TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX residents_document ON residents (document_hash) WHERE document_hash IS NOT NULL;
CREATE INDEX residents_birth ON residents (birth_date);
CREATE INDEX residents_surnames ON residents (surnames_key);
CREATE INDEX residents_phonetic ON residents (phonetic_surname1, phonetic_given);

CREATE TABLE register_imports (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  file_name TEXT NOT NULL,
  imported INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  deregistered INTEGER NOT NULL
) STRICT;
