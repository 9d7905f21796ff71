-- Walk-in forms: template versions from central, the per-year registry counter, entries and
-- their encrypted attachments (issue 7).

CREATE TABLE form_templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

-- One row per year: the last provisional sequence number handed out on this counter.
CREATE TABLE registry_counters (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 1)
) STRICT;

CREATE TABLE registry_entries (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  provisional_number TEXT NOT NULL UNIQUE,
  official_number TEXT UNIQUE,
  official_assigned_at TEXT,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  epigrafe TEXT NOT NULL,
  addressee TEXT NOT NULL,
  addressee_name TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  filed_local TEXT NOT NULL,
  utc_offset_min INTEGER NOT NULL,
  party_kind TEXT NOT NULL CHECK (party_kind IN ('resident', 'non_resident')),
  -- The register's id, kept without a foreign key: the register may live elsewhere.
  party_resident_id TEXT,
  party_name TEXT NOT NULL,
  party_doc_masked TEXT,
  party_doc_hash TEXT,
  party_contact TEXT,
  rep_name TEXT,
  rep_doc_masked TEXT,
  rep_doc_hash TEXT,
  rep_contact TEXT,
  data TEXT NOT NULL,
  summary TEXT NOT NULL,
  consent_text TEXT,
  clerk_id INTEGER,
  clerk_name TEXT NOT NULL,
  entry_hash TEXT NOT NULL,
  -- First time this counter saw the entry gone from the outbox; starts the attachment retention.
  synced_at TEXT,
  UNIQUE (year, seq)
) STRICT;

CREATE INDEX registry_entries_filed_at ON registry_entries (filed_at);
CREATE INDEX registry_entries_template ON registry_entries (template_id);
CREATE INDEX registry_entries_party_doc ON registry_entries (party_doc_hash);

CREATE TABLE registry_attachments (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES registry_entries (id),
  position INTEGER NOT NULL,
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  removed_at TEXT,
  UNIQUE (entry_id, position)
) STRICT;

-- Entries are the register: never deleted.
CREATE TRIGGER registry_entries_no_delete BEFORE DELETE ON registry_entries
BEGIN SELECT RAISE(ABORT, 'registry entries are never deleted'); END;
