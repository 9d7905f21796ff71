-- The verification desk: handle verifications, the manager's conflict queue, online requests
-- from central, the failed-lookup log and the anti-fishing locks. No image and no plain
-- document number is ever stored: only the keyed hash and the masked form.

CREATE TABLE verifications (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL,
  network TEXT NOT NULL CHECK (network IN ('x', 'bluesky', 'mastodon', 'instagram')),
  handle TEXT NOT NULL,
  -- The case-folded form: uniqueness is decided on it, never on the display form.
  handle_key TEXT NOT NULL,
  platform_user_id TEXT,
  state TEXT NOT NULL
    CHECK (state IN ('pending_proof', 'verified', 'revoked', 'expired', 'superseded')),
  proof_method TEXT NOT NULL CHECK (proof_method IN ('seen_on_device', 'challenge_code')),
  challenge_code TEXT,
  challenge_expires_at TEXT,
  document_type TEXT NOT NULL,
  document_hash TEXT NOT NULL,
  document_masked TEXT NOT NULL,
  document_expiry TEXT,
  corrected_fields TEXT NOT NULL DEFAULT '[]',
  override_by TEXT,
  override_reason TEXT,
  clerk_id INTEGER,
  clerk_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  verified_at TEXT,
  time_to_verify_ms INTEGER,
  expires_at TEXT,
  ended_at TEXT,
  end_ground TEXT,
  end_reason TEXT,
  ended_by TEXT,
  superseded_by TEXT REFERENCES verifications (id),
  pending_request_id TEXT
) STRICT;

-- One verified handle per network per resident, one resident per verified handle.
CREATE UNIQUE INDEX verifications_one_per_resident
  ON verifications (resident_id, network) WHERE state = 'verified';
CREATE UNIQUE INDEX verifications_one_pending_per_resident
  ON verifications (resident_id, network) WHERE state = 'pending_proof';
CREATE UNIQUE INDEX verifications_one_owner_per_handle
  ON verifications (network, handle_key) WHERE state = 'verified';
CREATE UNIQUE INDEX verifications_one_owner_per_user_id
  ON verifications (network, platform_user_id)
  WHERE state = 'verified' AND platform_user_id IS NOT NULL;
CREATE INDEX verifications_resident ON verifications (resident_id, created_at);
CREATE INDEX verifications_state ON verifications (state, expires_at);
CREATE INDEX verifications_verified_at ON verifications (verified_at);

CREATE TABLE verification_conflicts (
  id TEXT PRIMARY KEY,
  network TEXT NOT NULL,
  handle TEXT NOT NULL,
  handle_key TEXT NOT NULL,
  claimant_resident_id TEXT NOT NULL,
  holder_verification_id TEXT NOT NULL REFERENCES verifications (id),
  -- The refused save, kept so that a transfer can create the verification as it was asked.
  claim TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'transferred', 'rejected')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution_reason TEXT,
  result_verification_id TEXT REFERENCES verifications (id)
) STRICT;

CREATE INDEX verification_conflicts_state ON verification_conflicts (state, created_at);

-- Requests residents made online; central sends them down with the sync.
CREATE TABLE verification_requests (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL,
  network TEXT NOT NULL,
  handle TEXT NOT NULL,
  platform_user_id TEXT,
  requested_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'used', 'withdrawn'))
) STRICT;

CREATE INDEX verification_requests_resident ON verification_requests (resident_id, state);

CREATE TABLE failed_lookups (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  staff_id INTEGER,
  staff_name TEXT NOT NULL,
  document_hash TEXT NOT NULL,
  document_masked TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('not_in_register', 'candidates_rejected'))
) STRICT;

CREATE INDEX failed_lookups_hash ON failed_lookups (document_hash, at);
CREATE INDEX failed_lookups_at ON failed_lookups (at);

-- Anti-fishing: lives in the database so that a restart does not reset the delay.
CREATE TABLE lookup_locks (
  document_hash TEXT PRIMARY KEY,
  lock_count INTEGER NOT NULL,
  locked_until TEXT NOT NULL,
  last_locked_at TEXT NOT NULL
) STRICT;

CREATE TABLE verification_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  validity_months INTEGER NOT NULL CHECK (validity_months BETWEEN 1 AND 120)
) STRICT;

INSERT INTO verification_policy (id, validity_months) VALUES (1, 24);
