-- Central's own staff (officials, the town's IT, the DPO), who sign in to the web console.
-- Machine clients keep bearer tokens in `staff_tokens`; people get accounts with passwords.

CREATE TABLE console_staff (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('official', 'it', 'dpo')),
  -- scrypt$N$r$p$salt$hash, as at the counter.
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TIMESTAMPTZ,
  disabled_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  password_changed_at TIMESTAMPTZ NOT NULL
);

-- Only the SHA-256 of a session token: a database read does not sign anyone in.
CREATE TABLE console_sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES console_staff (username),
  created_at TIMESTAMPTZ NOT NULL,
  last_activity_at TIMESTAMPTZ NOT NULL,
  locked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX console_sessions_username ON console_sessions (username);

-- What a machine client's token may do; tokens made before scopes keep every staff route.
ALTER TABLE staff_tokens ADD COLUMN scopes TEXT
