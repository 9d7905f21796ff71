import { createHash, randomUUID } from 'node:crypto';
import { SIGNATURE_HEADERS, signingMessage } from '../../shared/contract/sync';
import { type DeviceKey, signWithDeviceKey } from '../device/device-key';

export interface Signer {
  readonly deviceId: string;
  readonly key: DeviceKey;
}

export interface CentralResponse {
  readonly status: number;
  /** Parsed JSON, or undefined when the body was empty or not JSON (e.g. truncated). */
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;
}

const retryAfter = (value: string | null, now: number): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
};

/**
 * Central's address as the counter keeps it: scheme, host and any path prefix (central behind
 * a reverse proxy at `https://ayto.example/ventanilla-central/`), without a trailing slash,
 * query or credentials. Undefined for anything but an http(s) URL.
 */
export const centralBaseUrl = (raw: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

/**
 * One request to central, signed with the device key when `signer` is given. Network
 * failures throw (the caller retries); any HTTP answer is returned.
 *
 * `path` is the protocol's own path (`/v1/sync/push?…`), sent after the base URL's prefix. The
 * signature covers `path` alone, never the prefix: central serves `/v1/…` at its root and checks
 * the path it receives, so a proxy that mounts it under a prefix must strip the prefix, and then
 * both sides sign the same path whatever the prefix is.
 */
export const centralRequest = async (
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: { signer?: Signer; now: Date; timeoutMs?: number },
): Promise<CentralResponse> => {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.signer) {
    const timestamp = options.now.toISOString();
    const nonce = randomUUID();
    const bodyHash = createHash('sha256').update(text).digest('hex');
    headers[SIGNATURE_HEADERS.device] = options.signer.deviceId;
    headers[SIGNATURE_HEADERS.timestamp] = timestamp;
    headers[SIGNATURE_HEADERS.nonce] = nonce;
    headers[SIGNATURE_HEADERS.signature] = signWithDeviceKey(
      options.signer.key,
      signingMessage(method, path, timestamp, nonce, bodyHash),
    );
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : text,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const raw = await response.text();
  let parsed: unknown;
  try {
    parsed = raw.length > 0 ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    body: parsed,
    retryAfterMs: retryAfter(response.headers.get('retry-after'), Date.now()),
  };
};
