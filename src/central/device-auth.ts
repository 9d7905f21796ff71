import { createPublicKey, verify } from 'node:crypto';
import { REPLAY_WINDOW_MS, SIGNATURE_HEADERS, signingMessage } from '../shared/contract/sync';
import type { CentralDevice } from './appliers/types';
import { auditRefusal } from './audit/store';
import type { CentralStore } from './db/store';
import { sha256Hex } from './secrets';

export interface SignedRequest {
  readonly method: string;
  /** Path with query string, as sent. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly ip: string;
}

export type AuthResult =
  | { readonly ok: true; readonly device: CentralDevice }
  | { readonly ok: false; readonly status: 401 | 403; readonly error: string };

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
 * Every refusal is written to central's audit, counted per source and window.
 */
export const authenticateDevice = async (
  store: CentralStore,
  req: SignedRequest,
  now: Date,
): Promise<AuthResult> => {
  const deviceId = header(req, SIGNATURE_HEADERS.device);
  const refuse = async (status: 401 | 403, error: string): Promise<AuthResult> => {
    await auditRefusal(store, now, 'auth.refused', deviceId ?? null, {
      reason: error,
      method: req.method,
      path: req.url.split('?')[0],
      ip: req.ip,
    });
    return { ok: false, status, error };
  };
  const timestamp = header(req, SIGNATURE_HEADERS.timestamp);
  const nonce = header(req, SIGNATURE_HEADERS.nonce);
  const signature = header(req, SIGNATURE_HEADERS.signature);
  if (!deviceId || !timestamp || !nonce || !signature) return refuse(401, 'signature_missing');
  const at = Date.parse(timestamp);
  if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > REPLAY_WINDOW_MS) {
    return refuse(401, 'clock_skew');
  }
  const [device] = await store.query<{
    id: string;
    name: string;
    public_key: string;
    revoked_at: Date | null;
  }>('SELECT id, name, public_key, revoked_at FROM devices WHERE id = $1', [deviceId]);
  if (!device) return refuse(401, 'unknown_device');
  // The path as received: behind a proxy that strips its prefix, the `/v1/…` path counters sign.
  const message = signingMessage(req.method, req.url, timestamp, nonce, sha256Hex(req.body));
  if (!signatureValid(device.public_key, message, signature)) return refuse(401, 'bad_signature');
  if (device.revoked_at) return refuse(403, 'device_revoked');
  if (now.getTime() - lastNoncePurge > 60_000) {
    lastNoncePurge = now.getTime();
    await store.query('DELETE FROM request_nonces WHERE seen_at < $1', [
      new Date(now.getTime() - 2 * REPLAY_WINDOW_MS).toISOString(),
    ]);
  }
  const fresh = await store.query(
    `INSERT INTO request_nonces (device_id, nonce, seen_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING nonce`,
    [deviceId, nonce, now.toISOString()],
  );
  if (fresh.length === 0) return refuse(401, 'replayed_request');
  return { ok: true, device: { id: device.id, name: device.name } };
};
