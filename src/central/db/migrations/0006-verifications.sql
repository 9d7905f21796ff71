-- The verification desk at central (issue 6): each counter's verification records as last
-- pushed (the directory in `handles` is derived from them), the town's online requests, and
-- conflicts and failed lookups for statistics. No name beyond a masked one, no document number.

CREATE TABLE handle_verifications (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  resident_id TEXT NOT NULL,
  network TEXT NOT NULL,
  -- The directory key: lower-case, with the leading "@" (e.g. "@ana@mastodon.social").
  handle TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('pending_proof', 'verified', 'revoked', 'expired', 'superseded')),
  proof_method TEXT NOT NULL,
  masked_name TEXT NOT NULL,
  -- Only the SHA-256 of a challenge code: a database read does not confirm anyone's proof.
  challenge_sha256 TEXT,
  challenge_expires_at TIMESTAMPTZ,
  proof_confirmed_at TIMESTAMPTZ,
  verified_at TIMESTAMPTZ,
  expires_at TIMESTAMPTZ,
  ended_at TIMESTAMPTZ,
  end_ground TEXT,
  pending_request_id TEXT,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX handle_verifications_handle ON handle_verifications (network, handle, state);

CREATE TABLE verification_requests (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL,
  network TEXT NOT NULL,
  handle TEXT NOT NULL,
  platform_user_id TEXT,
  requested_at TIMESTAMPTZ NOT NULL,
  requested_by TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'used', 'withdrawn')),
  -- The version of the `verification.request` change last sent for it.
  version INTEGER NOT NULL,
  used_by_device TEXT REFERENCES devices (id),
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE verification_conflicts (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  network TEXT NOT NULL,
  handle TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'transferred', 'rejected')),
  created_at TIMESTAMPTZ NOT NULL,
  resolved_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE verification_failed_lookups (
  device_id TEXT NOT NULL REFERENCES devices (id),
  entity_id TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  staff TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (device_id, entity_id)
);
CREATE INDEX verification_failed_lookups_at ON verification_failed_lookups (at);

-- A verification ends on its date even when its counter is offline and cannot say so.
ALTER TABLE handles ADD COLUMN expires_at TIMESTAMPTZ
