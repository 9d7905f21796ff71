import { isIP } from 'node:net';

/** A counter (or central's one running chain) waits this long for any one answer. */
export const TIMEOUT_MS = 8000;
/** DID documents, handles and a page of posts are small: a bigger answer is refused. */
export const MAX_BODY_BYTES = 1024 * 1024;

const privateV4 = (ip: string): boolean => {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
};

/** Loopback, private, link-local (cloud metadata) or otherwise not a public peer. */
const isPrivateHost = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local')) return true;
  const kind = isIP(h);
  if (kind === 4) return privateV4(h);
  if (kind === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped?.[1]) return privateV4(mapped[1]);
    return h === '::' || h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  }
  return false;
};

const isLoopbackHttp = (url: URL): boolean =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * Which endpoints a DID document may send us to: public https hosts only. A town (or a test)
 * whose own resolver or PLC is plain http on loopback has said that class is its network, so
 * loopback http is allowed too, and nothing else private.
 */
export const endpointPolicy = (configured: readonly string[]) => {
  const loopbackAllowed = configured.some((c) => {
    try {
      return isLoopbackHttp(new URL(c));
    } catch {
      return false;
    }
  });
  return (raw: string): boolean => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    if (loopbackAllowed && isLoopbackHttp(url)) return true;
    return url.protocol === 'https:' && !isPrivateHost(url.hostname);
  };
};

/** Reads at most `MAX_BODY_BYTES` of the answer, whatever length it claims. */
const cappedBody = async (res: Response): Promise<Uint8Array<ArrayBuffer>> => {
  const claimed = Number(res.headers.get('content-length') ?? '0');
  if (claimed > MAX_BODY_BYTES) throw new Error(`answer of ${claimed} bytes refused`);
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`answer over ${MAX_BODY_BYTES} bytes refused`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
};

/**
 * `fetch` as every Bluesky question is asked: bounded in time, never redirected (a redirect
 * could lead anywhere the endpoint check refused), and with the body read under a cap.
 */
export const boundedFetch: typeof fetch = async (input, init) => {
  const signal = init?.signal
    ? AbortSignal.any([init.signal, AbortSignal.timeout(TIMEOUT_MS)])
    : AbortSignal.timeout(TIMEOUT_MS);
  const res = await fetch(input, { ...init, redirect: 'error', signal });
  const body = await cappedBody(res);
  return new Response(res.status === 204 || res.status === 304 ? null : body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
};
