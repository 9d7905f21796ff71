import { z } from 'zod';
import { centralAudit } from './audit/store';
import type { CentralStore, SqlTx } from './db/store';
import { newEnrolmentCode, normaliseCode, sha256Hex } from './secrets';

export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60_000;

/** What the IT person runs at central: `ventanilla central enroll-device NAME`. */
export const createEnrolmentCode = async (
  store: CentralStore,
  name: string,
  now: Date,
): Promise<{ code: string; expires_at: string }> => {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS).toISOString();
  await store.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO enrolment_codes (code_hash, device_name, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [sha256Hex(normaliseCode(code)), name, now.toISOString(), expiresAt],
    );
    await centralAudit(tx, now, 'enrolment.code_created', null, { name, expires_at: expiresAt });
  });
  return { code, expires_at: expiresAt };
};

/** Takes effect on the device's next request: every request looks the device up. */
export const revokeDevice = async (
  store: CentralStore,
  deviceId: string,
  now: Date,
): Promise<boolean> =>
  store.transaction(async (tx) => {
    const rows = await tx.query(
      'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [deviceId, now.toISOString()],
    );
    if (rows.length > 0) await centralAudit(tx, now, 'device.revoked', deviceId, {});
    return rows.length > 0;
  });

export const DeviceBoard = z.object({
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      enrolled_at: z.string(),
      revoked_at: z.string().nullable(),
      last_seen_at: z.string().nullable(),
      queue_depth: z.number().int().nullable(),
      last_error: z.string().nullable(),
      /** The first audit-chain problem seen for the device: permanent, unlike `last_error`. */
      audit_flag: z
        .object({
          problem: z.string(),
          seq: z.number().int().nullable(),
          flagged_at: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});
export type DeviceBoard = z.infer<typeof DeviceBoard>;

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

/** `GET /v1/devices` and `central devices`: each counter with its contact, queue and flags. */
export const deviceBoard = async (q: SqlTx): Promise<DeviceBoard> => {
  const rows = await q.query<{
    id: string;
    name: string;
    enrolled_at: Date;
    revoked_at: Date | null;
    last_seen_at: Date | null;
    queue_depth: number | null;
    last_error: string | null;
    flag_problem: string | null;
    flag_seq: number | null;
    flagged_at: Date | null;
  }>(
    `SELECT d.id, d.name, d.enrolled_at, d.revoked_at, d.last_seen_at, d.queue_depth, d.last_error,
       c.flag_problem, c.flag_seq, c.flagged_at
     FROM devices d LEFT JOIN audit_chains c ON c.device_id = d.id ORDER BY d.name, d.id`,
  );
  return DeviceBoard.parse({
    devices: rows.map(({ flag_problem, flag_seq, flagged_at, ...r }) => ({
      ...r,
      enrolled_at: iso(r.enrolled_at),
      revoked_at: iso(r.revoked_at),
      last_seen_at: iso(r.last_seen_at),
      audit_flag:
        flag_problem === null
          ? null
          : {
              problem: flag_problem,
              seq: flag_seq === null ? null : Number(flag_seq),
              flagged_at: iso(flagged_at),
            },
    })),
  });
};
