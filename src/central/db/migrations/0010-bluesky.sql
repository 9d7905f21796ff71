-- Bluesky at central: the account (DID) behind each verified handle, the town's own account
-- (app password encrypted), and the durable queue of verification records published with it.
ALTER TABLE handle_verifications ADD COLUMN platform_user_id TEXT;
ALTER TABLE handle_verifications ADD COLUMN display_name TEXT;
-- Set by the drift watch when the account is deactivated or deleted: the directory stops
-- answering for it and the town's record is withdrawn until the account is back.
ALTER TABLE handle_verifications ADD COLUMN suspended_at TIMESTAMPTZ;
-- Automatic proof searches that found only other codes (distinct codes, as at the counter).
ALTER TABLE handle_verifications ADD COLUMN proof_misses INTEGER NOT NULL DEFAULT 0;

-- The town's own account: one row. The app password is AES-256-GCM ciphertext under a key kept
-- beside the data (not in the database), so a dump alone does not give the account away.
CREATE TABLE bluesky_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  service TEXT NOT NULL,
  identifier TEXT NOT NULL,
  secret_ciphertext TEXT NOT NULL,
  did TEXT,
  -- On a rename (same DID): 'refresh' rewrites the record with the new handle, 'flag' leaves it
  -- for a person to decide. The directory follows the DID either way.
  rename_policy TEXT NOT NULL DEFAULT 'refresh' CHECK (rename_policy IN ('refresh', 'flag')),
  updated_at TIMESTAMPTZ NOT NULL
);

-- One row per verification the town vouches for on Bluesky. The record key is chosen and stored
-- before the record is written (putRecord with it): a retry after a crash rewrites the same
-- record, never a second one.
CREATE TABLE bluesky_records (
  verification_id TEXT PRIMARY KEY,
  subject_did TEXT NOT NULL,
  handle TEXT NOT NULL,
  display_name TEXT,
  rkey TEXT NOT NULL UNIQUE,
  -- What the record should be: 'present' while the verification stands, 'absent' once it ended.
  want TEXT NOT NULL CHECK (want IN ('present', 'absent')),
  -- What the PDS is known to hold: 'written' after a confirmed write, 'gone' after a delete.
  state TEXT NOT NULL CHECK (state IN ('queued', 'written', 'gone')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  last_error TEXT,
  -- Drift watch: the account as last seen, and why the record needs a person's look.
  checked_at TIMESTAMPTZ,
  flag TEXT CHECK (flag IN ('display_name_changed', 'handle_changed', 'account_gone')),
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX bluesky_records_due ON bluesky_records (next_attempt_at);
CREATE INDEX handle_verifications_user ON handle_verifications (network, platform_user_id);
