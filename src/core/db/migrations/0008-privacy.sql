-- Retention and data-subject rights (issue 9): when a record's personal fields were anonymised
-- (by the retention job or an erasure). The rows stay, so the statistics keep counting them.

ALTER TABLE verifications ADD COLUMN anonymised_at TEXT;
ALTER TABLE verification_requests ADD COLUMN anonymised_at TEXT;
ALTER TABLE verification_conflicts ADD COLUMN anonymised_at TEXT;
-- Registry entries are never deleted (Ley 39/2015, art. 16): an erasure clears personal fields.
ALTER TABLE registry_entries ADD COLUMN erased_at TEXT;

CREATE INDEX verifications_retention ON verifications (state, ended_at) WHERE anonymised_at IS NULL;
CREATE INDEX registry_entries_party_resident ON registry_entries (party_resident_id);
CREATE INDEX registry_entries_rep_doc ON registry_entries (rep_doc_hash);
