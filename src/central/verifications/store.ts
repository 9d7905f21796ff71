import type { SqlTx } from '../db/store';

/** An online request as central stores it. */
export interface RequestRow {
  id: string;
  resident_id: string;
  network: string;
  handle: string;
  platform_user_id: string | null;
  requested_at: Date;
  version: number;
}

/** A counter's record in full, as its lifecycle ops carry it. */
export interface RecordState {
  readonly id: string;
  readonly residentId: string;
  readonly network: string;
  readonly handle: string;
  readonly state: string;
  readonly proofMethod: string;
  readonly maskedName: string | null;
  readonly challengeSha256: string | null;
  readonly challengeExpiresAt: string | null;
  readonly verifiedAt: string | null;
  readonly expiresAt: string | null;
  readonly endedAt: string | null;
  readonly endGround: string | null;
  readonly pendingRequestId: string | null;
  /** The account's immutable id (a Bluesky DID) and display name, once looked up. */
  readonly platformUserId?: string | null;
  readonly displayName?: string | null;
}

export interface ConflictState {
  readonly id: string;
  readonly network: string;
  readonly handle: string;
  readonly state: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

const REQUEST_COLUMNS = 'id, resident_id, network, handle, platform_user_id, requested_at, version';

/**
 * The verification desk at central: counters' records (`handle_verifications`), online
 * requests, conflicts, failed look-ups, and the `handles` directory derived from the records.
 */
export const verificationsStore = {
  insertRequest: async (tx: SqlTx, r: RequestRow, requestedBy: string): Promise<void> => {
    await tx.query(
      `INSERT INTO verification_requests (id, resident_id, network, handle, platform_user_id,
         requested_at, requested_by, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', 1, $6)`,
      [
        r.id,
        r.resident_id,
        r.network,
        r.handle,
        r.platform_user_id,
        r.requested_at.toISOString(),
        requestedBy,
      ],
    );
  },
  lockRequest: async (
    tx: SqlTx,
    id: string,
  ): Promise<(RequestRow & { state: string }) | undefined> =>
    (
      await tx.query<RequestRow & { state: string }>(
        `SELECT ${REQUEST_COLUMNS}, state FROM verification_requests WHERE id = $1 FOR UPDATE`,
        [id],
      )
    )[0],
  withdrawRequest: async (tx: SqlTx, id: string, version: number, at: Date): Promise<void> => {
    await tx.query(
      `UPDATE verification_requests SET state = 'withdrawn', version = $2, updated_at = $3
       WHERE id = $1`,
      [id, version, at.toISOString()],
    );
  },
  /** Marks an open request used by this device; undefined when it was not open. */
  useRequest: async (
    tx: SqlTx,
    id: string,
    deviceId: string,
    at: Date,
  ): Promise<RequestRow | undefined> =>
    (
      await tx.query<RequestRow>(
        `UPDATE verification_requests SET state = 'used', version = version + 1, used_by_device = $2,
           updated_at = $3 WHERE id = $1 AND state = 'open'
         RETURNING ${REQUEST_COLUMNS}`,
        [id, deviceId, at],
      )
    )[0],
  lockProof: async (tx: SqlTx, id: string) =>
    (
      await tx.query<{
        device_id: string;
        state: string;
        challenge_sha256: string | null;
        challenge_expires_at: Date | null;
        proof_confirmed_at: Date | null;
        proof_misses: number;
      }>(
        `SELECT device_id, state, challenge_sha256, challenge_expires_at, proof_confirmed_at,
           proof_misses FROM handle_verifications WHERE id = $1 FOR UPDATE`,
        [id],
      )
    )[0],
  markProofConfirmed: async (tx: SqlTx, id: string, at: Date): Promise<void> => {
    await tx.query('UPDATE handle_verifications SET proof_confirmed_at = $2 WHERE id = $1', [
      id,
      at.toISOString(),
    ]);
  },
  lockRecord: async (tx: SqlTx, id: string) =>
    (
      await tx.query<{ device_id: string; state: string; network: string; handle: string }>(
        'SELECT device_id, state, network, handle FROM handle_verifications WHERE id = $1 FOR UPDATE',
        [id],
      )
    )[0],
  /** The handle a record holds now (central follows a renamed account by its DID). */
  handleOf: async (tx: SqlTx, id: string): Promise<string | undefined> =>
    (
      await tx.query<{ handle: string }>('SELECT handle FROM handle_verifications WHERE id = $1', [
        id,
      ])
    )[0]?.handle,
  /** A decision at central: the record ends as revoked. */
  revokeRecord: async (tx: SqlTx, id: string, at: Date): Promise<void> => {
    await tx.query(
      `UPDATE handle_verifications SET state = 'revoked', ended_at = $2, end_ground = 'decision',
         updated_at = $2 WHERE id = $1`,
      [id, at.toISOString()],
    );
  },
  /** Challenges still waiting for their proof, soonest to expire first. */
  pendingProofs: (q: SqlTx, now: Date, maxMisses: number) =>
    q.query<{ id: string; network: string; handle: string; challenge_expires_at: Date | null }>(
      `SELECT id, network, handle, challenge_expires_at FROM handle_verifications
       WHERE state = 'pending_proof' AND proof_confirmed_at IS NULL AND proof_misses < $2
         AND (challenge_expires_at IS NULL OR challenge_expires_at > $1)
       ORDER BY challenge_expires_at LIMIT 1000`,
      [now.toISOString(), maxMisses],
    ),
  upsertRecord: async (tx: SqlTx, deviceId: string, v: RecordState, at: Date): Promise<void> => {
    await tx.query(
      `INSERT INTO handle_verifications (id, device_id, resident_id, network, handle, state,
         proof_method, masked_name, challenge_sha256, challenge_expires_at, verified_at, expires_at,
         ended_at, end_ground, pending_request_id, updated_at, platform_user_id, display_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, '***'), $9, $10, $11, $12, $13, $14, $15, $16,
         $17, $18)
       ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state,
         masked_name = COALESCE($8, handle_verifications.masked_name),
         challenge_sha256 = EXCLUDED.challenge_sha256, challenge_expires_at = EXCLUDED.challenge_expires_at,
         verified_at = EXCLUDED.verified_at, expires_at = EXCLUDED.expires_at,
         ended_at = EXCLUDED.ended_at, end_ground = EXCLUDED.end_ground, updated_at = EXCLUDED.updated_at,
         platform_user_id = COALESCE(handle_verifications.platform_user_id, EXCLUDED.platform_user_id),
         display_name = COALESCE(EXCLUDED.display_name, handle_verifications.display_name)`,
      [
        v.id,
        deviceId,
        v.residentId,
        v.network,
        v.handle,
        v.state,
        v.proofMethod,
        v.maskedName,
        v.challengeSha256,
        v.challengeExpiresAt,
        v.verifiedAt,
        v.expiresAt,
        v.endedAt,
        v.endGround,
        v.pendingRequestId,
        at,
        v.platformUserId ?? null,
        v.displayName ?? null,
      ],
    );
  },
  /** The network of another resident's verified record of this handle, if there is one. */
  otherHolder: async (
    tx: SqlTx,
    id: string,
    residentId: string,
    handle: string,
  ): Promise<string | undefined> =>
    (
      await tx.query<{ network: string }>(
        `SELECT network FROM handle_verifications WHERE handle = $1 AND state = 'verified'
           AND resident_id <> $2 AND id <> $3
           AND network = (SELECT network FROM handle_verifications WHERE id = $3) LIMIT 1`,
        [handle, residentId, id],
      )
    )[0]?.network,
  /** A conflict central noticed itself: an id of its own, so no counter's conflict is touched. */
  insertCentralConflict: async (
    tx: SqlTx,
    c: { id: string; deviceId: string; network: string; handle: string },
    at: Date,
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO verification_conflicts (id, device_id, network, handle, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'open', $5, $5) ON CONFLICT (id) DO NOTHING`,
      [c.id, c.deviceId, c.network, c.handle, at],
    );
  },
  /** A counter's conflict, kept as it sends it; false when the id is another device's. */
  upsertConflict: async (
    tx: SqlTx,
    deviceId: string,
    c: ConflictState,
    at: Date,
  ): Promise<boolean> =>
    (
      await tx.query(
        `INSERT INTO verification_conflicts (id, device_id, network, handle, state, created_at,
           resolved_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, resolved_at = EXCLUDED.resolved_at,
           updated_at = EXCLUDED.updated_at
         WHERE verification_conflicts.device_id = EXCLUDED.device_id
         RETURNING id`,
        [c.id, deviceId, c.network, c.handle, c.state, c.createdAt, c.resolvedAt, at],
      )
    ).length > 0,
  insertFailedLookup: async (
    tx: SqlTx,
    deviceId: string,
    entityId: string,
    f: { at: string; staff: string; reason: string },
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO verification_failed_lookups (device_id, entity_id, at, staff, reason)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [deviceId, entityId, f.at, f.staff, f.reason],
    );
  },
  /** The earliest verification of the handle still in force: the directory's holder. */
  holderOf: async (tx: SqlTx, network: string, handle: string) =>
    (
      await tx.query<{ masked_name: string; verified_at: Date | null; expires_at: Date | null }>(
        `SELECT masked_name, verified_at, expires_at FROM handle_verifications
         WHERE network = $1 AND handle = $2 AND state = 'verified' AND suspended_at IS NULL
         ORDER BY verified_at, id LIMIT 1`,
        [network, handle],
      )
    )[0],
  setHandle: async (
    tx: SqlTx,
    h: {
      network: string;
      handle: string;
      maskedName: string;
      verifiedSince: Date;
      expiresAt: Date | null;
    },
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO handles (network, handle, masked_name, verified_since, revoked_at, expires_at)
       VALUES ($1, $2, $3, $4, NULL, $5)
       ON CONFLICT (network, handle) DO UPDATE SET masked_name = EXCLUDED.masked_name,
         verified_since = EXCLUDED.verified_since, revoked_at = NULL, expires_at = EXCLUDED.expires_at`,
      [h.network, h.handle, h.maskedName, h.verifiedSince, h.expiresAt],
    );
  },
  dropHandle: async (tx: SqlTx, network: string, handle: string, at: Date): Promise<void> => {
    await tx.query(
      'UPDATE handles SET revoked_at = $3 WHERE network = $1 AND handle = $2 AND revoked_at IS NULL',
      [network, handle, at],
    );
  },
  /** The directory's live entry for a handle. */
  lookUp: async (q: SqlTx, network: string, handle: string, now: Date) =>
    (
      await q.query<{ masked_name: string; verified_since: Date }>(
        `SELECT masked_name, verified_since FROM handles WHERE network = $1 AND handle = $2
           AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)`,
        [network, handle, now.toISOString()],
      )
    )[0],
};
