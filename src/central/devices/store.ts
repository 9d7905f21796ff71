import type { SqlTx } from '../db/store';

export interface DeviceRow {
  readonly id: string;
  readonly name: string;
  readonly public_key: string;
  readonly revoked_at: Date | null;
}

export interface BoardRow {
  readonly id: string;
  readonly name: string;
  readonly enrolled_at: Date;
  readonly revoked_at: Date | null;
  readonly last_seen_at: Date | null;
  readonly queue_depth: number | null;
  readonly last_error: string | null;
  readonly app_version: string | null;
  readonly flag_problem: string | null;
  readonly flag_seq: number | null;
  readonly flagged_at: Date | null;
}

/** The `devices` and `request_nonces` tables: enrolled counters and the nonces they signed. */
export const devicesStore = {
  byId: async (q: SqlTx, id: string): Promise<DeviceRow | undefined> =>
    (
      await q.query<DeviceRow>(
        'SELECT id, name, public_key, revoked_at FROM devices WHERE id = $1',
        [id],
      )
    )[0],
  /** False when the id is taken. */
  insert: async (
    tx: SqlTx,
    device: { id: string; name: string; publicKey: string },
    at: Date,
  ): Promise<boolean> =>
    (
      await tx.query(
        `INSERT INTO devices (id, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [device.id, device.name, device.publicKey, at.toISOString()],
      )
    ).length > 0,
  /** False when there is no such device or it was revoked already. */
  revoke: async (tx: SqlTx, id: string, at: Date): Promise<boolean> =>
    (
      await tx.query(
        'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [id, at.toISOString()],
      )
    ).length > 0,
  /** A push seen: when, and the queue depth the counter reported (kept when it sent none). */
  touch: async (
    tx: SqlTx,
    id: string,
    at: Date,
    queueDepth: number | null,
    appVersion: string | null = null,
  ): Promise<void> => {
    await tx.query(
      `UPDATE devices SET last_seen_at = $2, queue_depth = COALESCE($3, queue_depth),
         app_version = COALESCE($4, app_version) WHERE id = $1`,
      [id, at.toISOString(), queueDepth, appVersion],
    );
  },
  setLastError: async (tx: SqlTx, id: string, error: string): Promise<void> => {
    await tx.query('UPDATE devices SET last_error = $2 WHERE id = $1', [id, error]);
  },
  /** Each counter with its audit-chain flag (one row per device: the chain is keyed by it). */
  board: (q: SqlTx): Promise<BoardRow[]> =>
    q.query<BoardRow>(
      `SELECT d.id, d.name, d.enrolled_at, d.revoked_at, d.last_seen_at, d.queue_depth, d.last_error,
         d.app_version, c.flag_problem, c.flag_seq, c.flagged_at
       FROM devices d LEFT JOIN audit_chains c ON c.device_id = d.id ORDER BY d.name, d.id`,
    ),
  purgeNonces: async (q: SqlTx, seenBefore: Date): Promise<void> => {
    await q.query('DELETE FROM request_nonces WHERE seen_at < $1', [seenBefore.toISOString()]);
  },
  /** False when the device already used this nonce. */
  claimNonce: async (q: SqlTx, deviceId: string, nonce: string, at: Date): Promise<boolean> =>
    (
      await q.query(
        `INSERT INTO request_nonces (device_id, nonce, seen_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING nonce`,
        [deviceId, nonce, at.toISOString()],
      )
    ).length > 0,
};
