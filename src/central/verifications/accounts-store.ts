import type { SqlTx } from '../db/store';

// Bluesky's reads and writes of handle_verifications: the account behind a record (its DID),
// proof misses, renames followed by DID and suspensions. Beside the verifications' own store,
// in the folder that owns the table.

/** A Bluesky verification central holds, as the workers need it. */
export interface BlueskyVerification {
  readonly id: string;
  readonly device_id: string;
  readonly handle: string;
  readonly platform_user_id: string | null;
  readonly display_name: string | null;
  readonly challenge_sha256: string | null;
  readonly challenge_expires_at: Date | null;
  readonly proof_misses: number;
}

const iso = (d: Date): string => d.toISOString();

const VERIFICATION_COLUMNS = `id, device_id, handle, platform_user_id, display_name, challenge_sha256,
  challenge_expires_at, proof_misses`;

/** Records saved offline at a counter, whose account is still to be looked up. */
export const awaitingAccount = async (q: SqlTx, limit: number): Promise<BlueskyVerification[]> =>
  q.query<BlueskyVerification>(
    `SELECT ${VERIFICATION_COLUMNS} FROM handle_verifications
     WHERE network = 'bluesky' AND platform_user_id IS NULL
       AND state IN ('pending_proof', 'verified')
     ORDER BY updated_at LIMIT $1`,
    [limit],
  );

export const setAccountOf = async (
  q: SqlTx,
  id: string,
  did: string,
  displayName: string | null,
  now: Date,
): Promise<boolean> =>
  (
    await q.query(
      `UPDATE handle_verifications SET platform_user_id = $2, display_name = $3, updated_at = $4
       WHERE id = $1 AND platform_user_id IS NULL RETURNING id`,
      [id, did, displayName, iso(now)],
    )
  ).length > 0;

/** Challenges whose code is to be searched for in the account's posts. */
export const awaitingProof = async (
  q: SqlTx,
  now: Date,
  maxMisses: number,
  limit: number,
): Promise<BlueskyVerification[]> =>
  q.query<BlueskyVerification>(
    `SELECT ${VERIFICATION_COLUMNS} FROM handle_verifications
     WHERE network = 'bluesky' AND state = 'pending_proof' AND proof_confirmed_at IS NULL
       AND platform_user_id IS NOT NULL AND challenge_sha256 IS NOT NULL
       AND challenge_expires_at > $1 AND proof_misses < $2
     ORDER BY challenge_expires_at LIMIT $3`,
    [iso(now), maxMisses, limit],
  );

export const setProofMisses = async (q: SqlTx, id: string, misses: number): Promise<void> => {
  await q.query('UPDATE handle_verifications SET proof_misses = $2 WHERE id = $1', [id, misses]);
};

/** Follows the account by its DID: every record of it in force takes the new handle. */
export const renameVerifications = async (
  q: SqlTx,
  did: string,
  handle: string,
): Promise<string[]> => {
  const old = await q.query<{ handle: string }>(
    `SELECT DISTINCT handle FROM handle_verifications
     WHERE network = 'bluesky' AND platform_user_id = $1 AND state = 'verified' AND handle <> $2`,
    [did, handle],
  );
  await q.query(
    `UPDATE handle_verifications SET handle = $2
     WHERE network = 'bluesky' AND platform_user_id = $1 AND state = 'verified' AND handle <> $2`,
    [did, handle],
  );
  return old.map((r) => r.handle);
};

export const setSuspended = async (
  q: SqlTx,
  did: string,
  at: Date | null,
): Promise<{ id: string; handle: string; device_id: string }[]> =>
  q.query<{ id: string; handle: string; device_id: string }>(
    `UPDATE handle_verifications SET suspended_at = $2
     WHERE network = 'bluesky' AND platform_user_id = $1 AND state = 'verified'
       AND (suspended_at IS NULL) = ($2::timestamptz IS NOT NULL)
     RETURNING id, handle, device_id`,
    [did, at ? iso(at) : null],
  );

/** The verified, unsuspended holder of one DID, for the directory by DID. */
export const holderByDid = async (
  q: SqlTx,
  did: string,
  now: Date,
): Promise<{ handle: string; masked_name: string; verified_at: Date } | undefined> =>
  (
    await q.query<{ handle: string; masked_name: string; verified_at: Date }>(
      `SELECT handle, masked_name, verified_at FROM handle_verifications
       WHERE network = 'bluesky' AND platform_user_id = $1 AND state = 'verified'
         AND suspended_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
       ORDER BY verified_at, id LIMIT 1`,
      [did, iso(now)],
    )
  )[0];

/** The DIDs verified and in force under one handle (`@…`), for a rename that would take it. */
export const holdersOf = async (q: SqlTx, handle: string, now: Date): Promise<string[]> =>
  (
    await q.query<{ platform_user_id: string }>(
      `SELECT DISTINCT platform_user_id FROM handle_verifications
       WHERE network = 'bluesky' AND handle = $1 AND state = 'verified'
         AND platform_user_id IS NOT NULL AND (expires_at IS NULL OR expires_at > $2)`,
      [handle, iso(now)],
    )
  ).map((r) => r.platform_user_id);
