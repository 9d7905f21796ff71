import type { SqlTx } from '../db/store';

/** The town's account as stored: the app password only as ciphertext. */
export interface AccountRow {
  readonly service: string;
  readonly identifier: string;
  readonly secret_ciphertext: string;
  readonly did: string | null;
  readonly rename_policy: 'refresh' | 'flag';
}

export interface RecordRow {
  readonly verification_id: string;
  readonly subject_did: string;
  readonly handle: string;
  readonly display_name: string | null;
  readonly rkey: string;
  readonly want: 'present' | 'absent';
  readonly state: 'queued' | 'written' | 'gone';
  readonly attempts: number;
  readonly flag: string | null;
}

const iso = (d: Date): string => d.toISOString();

export const readAccount = async (q: SqlTx): Promise<AccountRow | undefined> =>
  (
    await q.query<AccountRow>(
      'SELECT service, identifier, secret_ciphertext, did, rename_policy FROM bluesky_account WHERE id = 1',
    )
  )[0];

export const saveAccount = async (q: SqlTx, row: AccountRow, now: Date): Promise<void> => {
  await q.query(
    `INSERT INTO bluesky_account (id, service, identifier, secret_ciphertext, did, rename_policy, updated_at)
     VALUES (1, $1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET service = EXCLUDED.service, identifier = EXCLUDED.identifier,
       secret_ciphertext = EXCLUDED.secret_ciphertext, did = EXCLUDED.did,
       rename_policy = EXCLUDED.rename_policy, updated_at = EXCLUDED.updated_at`,
    [row.service, row.identifier, row.secret_ciphertext, row.did, row.rename_policy, iso(now)],
  );
};

/**
 * The records the town should have: one per Bluesky verification in force with its DID known,
 * not suspended. New ones are queued with the key `rkeyFor` picks; ended ones are marked absent.
 */
export const reconcileWanted = async (
  q: SqlTx,
  now: Date,
  rkeyFor: () => string,
): Promise<void> => {
  const missing = await q.query<{
    id: string;
    platform_user_id: string;
    handle: string;
    display_name: string | null;
  }>(
    `SELECT v.id, v.platform_user_id, v.handle, v.display_name FROM handle_verifications v
     LEFT JOIN bluesky_records r ON r.verification_id = v.id
     WHERE v.network = 'bluesky' AND v.state = 'verified' AND v.platform_user_id IS NOT NULL
       AND v.suspended_at IS NULL AND (v.expires_at IS NULL OR v.expires_at > $1)
       AND r.verification_id IS NULL`,
    [iso(now)],
  );
  for (const v of missing) {
    await q.query(
      `INSERT INTO bluesky_records (verification_id, subject_did, handle, display_name, rkey, want,
         state, next_attempt_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'present', 'queued', $6, $6)
       ON CONFLICT (verification_id) DO NOTHING`,
      [v.id, v.platform_user_id, v.handle.replace(/^@/, ''), v.display_name, rkeyFor(), iso(now)],
    );
  }
  // An account back from a suspension: its verification is in force again, so is its record
  // (under the key it had, which putRecord rewrites).
  await q.query(
    `UPDATE bluesky_records r SET want = 'present', state = 'queued', next_attempt_at = $1,
       attempts = 0, updated_at = $1, subject_did = v.platform_user_id,
       handle = ltrim(v.handle, '@'), display_name = v.display_name
     FROM handle_verifications v
     WHERE v.id = r.verification_id AND r.want = 'absent' AND v.network = 'bluesky'
       AND v.state = 'verified' AND v.platform_user_id IS NOT NULL AND v.suspended_at IS NULL
       AND (v.expires_at IS NULL OR v.expires_at > $1)`,
    [iso(now)],
  );
  // A gone account whose verification ended meanwhile is no longer watched: its DID goes too.
  await q.query(
    `UPDATE bluesky_records r SET subject_did = '', handle = '', display_name = NULL, flag = NULL,
       updated_at = $1
     WHERE r.want = 'absent' AND r.state = 'gone' AND r.flag = 'account_gone' AND NOT EXISTS (
       SELECT 1 FROM handle_verifications v WHERE v.id = r.verification_id
         AND v.state = 'verified' AND (v.expires_at IS NULL OR v.expires_at > $1))`,
    [iso(now)],
  );
  // Revoked, expired, superseded (a re-verification), erased or suspended: the record goes.
  await q.query(
    `UPDATE bluesky_records r SET want = 'absent', next_attempt_at = $1, attempts = 0,
       updated_at = $1
     WHERE r.want = 'present' AND NOT EXISTS (
       SELECT 1 FROM handle_verifications v WHERE v.id = r.verification_id
         AND v.state = 'verified' AND v.suspended_at IS NULL
         AND (v.expires_at IS NULL OR v.expires_at > $1))`,
    [iso(now)],
  );
};

/** Work the PDS has yet to see, due now. */
export const dueRecords = async (q: SqlTx, now: Date, limit: number): Promise<RecordRow[]> =>
  q.query<RecordRow>(
    `SELECT verification_id, subject_did, handle, display_name, rkey, want, state, attempts, flag
     FROM bluesky_records
     WHERE next_attempt_at <= $1
       AND ((want = 'present' AND state <> 'written') OR (want = 'absent' AND state <> 'gone'))
     ORDER BY next_attempt_at LIMIT $2`,
    [iso(now), limit],
  );

export const markDone = async (
  q: SqlTx,
  id: string,
  state: 'written' | 'gone',
  now: Date,
  watched = false,
): Promise<void> => {
  // A withdrawn record keeps only its key: whose account it named goes with it (erasure too).
  // A suspended account's is kept, for the drift watch to see it come back.
  await q.query(
    `UPDATE bluesky_records SET state = $2, attempts = 0, last_error = NULL, updated_at = $3,
       subject_did = CASE WHEN $2 = 'gone' AND $4 THEN '' ELSE subject_did END,
       handle = CASE WHEN $2 = 'gone' AND $4 THEN '' ELSE handle END,
       display_name = CASE WHEN $2 = 'gone' AND $4 THEN NULL ELSE display_name END
     WHERE verification_id = $1`,
    [id, state, iso(now), !watched],
  );
};

export const markFailed = async (
  q: SqlTx,
  id: string,
  error: string,
  retryAt: Date,
  now: Date,
): Promise<void> => {
  await q.query(
    `UPDATE bluesky_records SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
       updated_at = $4 WHERE verification_id = $1`,
    [id, error.slice(0, 500), iso(retryAt), iso(now)],
  );
};

/** The published records, and the gone accounts', checked longest ago, for the drift watch. */
export const staleRecords = async (q: SqlTx, limit: number): Promise<RecordRow[]> =>
  q.query<RecordRow>(
    `SELECT verification_id, subject_did, handle, display_name, rkey, want, state, attempts, flag
     FROM bluesky_records
     WHERE (want = 'present' OR flag = 'account_gone') AND subject_did <> ''
     ORDER BY checked_at NULLS FIRST, verification_id LIMIT $1`,
    [limit],
  );

export const noteChecked = async (
  q: SqlTx,
  id: string,
  change: { handle?: string; requeue?: boolean; flag?: string | null },
  now: Date,
): Promise<void> => {
  await q.query(
    `UPDATE bluesky_records SET checked_at = $2, handle = COALESCE($3, handle),
       state = CASE WHEN $4 THEN 'queued' ELSE state END,
       next_attempt_at = CASE WHEN $4 THEN $2 ELSE next_attempt_at END,
       flag = CASE WHEN $5 THEN $6 ELSE flag END, updated_at = $2
     WHERE verification_id = $1`,
    [
      id,
      iso(now),
      change.handle ?? null,
      change.requeue ?? false,
      change.flag !== undefined,
      change.flag ?? null,
    ],
  );
};
