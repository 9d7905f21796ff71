-- The general registry at central (issue 7): entries received from counters, numbered
-- officially in arrival order, one series per year, and the attachments they list.

CREATE TABLE registry_year_counters (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

CREATE TABLE registry_entries (
  entry_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  provisional_number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  official_number TEXT NOT NULL UNIQUE,
  entry_hash TEXT NOT NULL,
  content JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  UNIQUE (year, seq)
);

CREATE TABLE registry_attachments (
  attachment_id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL,
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL
);
