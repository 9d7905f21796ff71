-- Central: enrolled devices, applied ops (the dedup record), changes for pull, and its own audit.

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- Ed25519 public key, SPKI DER in base64, registered at enrolment.
  public_key TEXT NOT NULL,
  enrolled_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  last_seen_at TIMESTAMPTZ,
  queue_depth INTEGER,
  last_error TEXT
);

CREATE TABLE enrolment_codes (
  -- Only the SHA-256 of the code is kept: a database read does not hand out enrolments.
  code_hash TEXT PRIMARY KEY,
  device_name TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  device_id TEXT REFERENCES devices (id)
);

-- Written in the same transaction as the op's effect: the op is applied exactly once.
CREATE TABLE applied_ops (
  op_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX applied_ops_device_seq ON applied_ops (device_id, seq);

-- What counters pull. `seq` is allocated under a transaction-scoped advisory lock held to
-- commit, so sequences become visible in order and a reader never skips a late commit.
CREATE TABLE changes (
  seq BIGSERIAL PRIMARY KEY,
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  payload JSONB NOT NULL,
  device_id TEXT REFERENCES devices (id),
  created_at TIMESTAMPTZ NOT NULL
);

-- Signed-request nonces inside the replay window: a request is accepted once.
CREATE TABLE request_nonces (
  device_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (device_id, nonce)
);
CREATE INDEX request_nonces_seen ON request_nonces (seen_at);

-- Tokens for officials' look-ups and the device board; hashed like enrolment codes.
CREATE TABLE staff_tokens (
  token_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

-- The officials' directory: which handle belongs to a verified resident, since when.
CREATE TABLE handles (
  network TEXT NOT NULL,
  handle TEXT NOT NULL,
  masked_name TEXT NOT NULL,
  verified_since TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  PRIMARY KEY (network, handle)
);

CREATE TABLE central_audit (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  action TEXT NOT NULL,
  device_id TEXT,
  detail JSONB NOT NULL
);
CREATE INDEX central_audit_action ON central_audit (action, at);
