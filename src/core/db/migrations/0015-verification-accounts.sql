-- The account behind a handle, where the network can be asked (Bluesky): the DID is kept in
-- platform_user_id; this adds the profile's display name and whether the lookup is still owed.
ALTER TABLE verifications ADD COLUMN account_display_name TEXT;
-- 'resolved': looked up at the counter; 'pending': saved offline, looked up at the next sync.
-- NULL for networks without an open lookup and for records made before this migration.
ALTER TABLE verifications ADD COLUMN account_lookup TEXT CHECK (account_lookup IN ('resolved', 'pending'));
-- How many times the automatic proof search found a code that was not this record's.
ALTER TABLE verifications ADD COLUMN proof_misses INTEGER NOT NULL DEFAULT 0;
