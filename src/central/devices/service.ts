import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import { REPLAY_WINDOW_MS, SIGNATURE_HEADERS, signingMessage } from '../../shared/contract/sync';
import type { CentralDevice } from '../sync/appliers';
import { auditRefusal, centralAudit } from '../audit/store';
import type { CentralStore, SqlTx } from '../db/store';
import { refuse as refusal } from '../http/errors';
import { sha256Hex } from '../secrets';
import { devicesStore } from './store';

export interface SignedRequest {
  readonly method: string;
  /** Path with query string, as sent. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly ip: string;
}

const header = (req: SignedRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
};

const signatureValid = (publicKey: string, message: string, signature: string): boolean => {
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
};

let lastNoncePurge = 0;

/**
 * Checks a counter's signed request: known, not revoked, signature over method, path,
 * timestamp, nonce and body hash, timestamp within the replay window, nonce never seen.
 * Every refusal is written to central's audit, counted per source and window, then thrown.
 */
export const authenticateDevice = async (
  store: CentralStore,
  req: SignedRequest,
  now: Date,
): Promise<CentralDevice> => {
  const deviceId = header(req, SIGNATURE_HEADERS.device);
  const refuse = async (status: 401 | 403, error: Parameters<typeof refusal>[1]) => {
    await auditRefusal(store, now, 'auth.refused', deviceId ?? null, {
      reason: error,
      method: req.method,
      path: req.url.split('?')[0],
      ip: req.ip,
    });
    return refusal(status, error);
  };
  const timestamp = header(req, SIGNATURE_HEADERS.timestamp);
  const nonce = header(req, SIGNATURE_HEADERS.nonce);
  const signature = header(req, SIGNATURE_HEADERS.signature);
  if (!deviceId || !timestamp || !nonce || !signature) throw await refuse(401, 'signature_missing');
  const at = Date.parse(timestamp);
  if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > REPLAY_WINDOW_MS) {
    throw await refuse(401, 'clock_skew');
  }
  const device = await devicesStore.byId(store, deviceId);
  if (!device) throw await refuse(401, 'unknown_device');
  // The path as received: behind a proxy that strips its prefix, the `/v1/…` path counters sign.
  const message = signingMessage(req.method, req.url, timestamp, nonce, sha256Hex(req.body));
  if (!signatureValid(device.public_key, message, signature))
    throw await refuse(401, 'bad_signature');
  if (device.revoked_at) throw await refuse(403, 'device_revoked');
  if (now.getTime() - lastNoncePurge > 60_000) {
    lastNoncePurge = now.getTime();
    await devicesStore.purgeNonces(store, new Date(now.getTime() - 2 * REPLAY_WINDOW_MS));
  }
  if (!(await devicesStore.claimNonce(store, deviceId, nonce, now)))
    throw await refuse(401, 'replayed_request');
  return { id: device.id, name: device.name };
};

/** Takes effect on the device's next request: every request looks the device up. */
export const revokeDevice = async (
  store: CentralStore,
  deviceId: string,
  now: Date,
): Promise<boolean> =>
  store.transaction(async (tx) => {
    const revoked = await devicesStore.revoke(tx, deviceId, now);
    if (revoked) await centralAudit(tx, now, 'device.revoked', deviceId, {});
    return revoked;
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
      /** As the counter last reported it with a push; null before its first. */
      app_version: z.string().nullable(),
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
  const rows = await devicesStore.board(q);
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
