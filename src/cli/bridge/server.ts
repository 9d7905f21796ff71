import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, isOperationName } from '../../shared/contract';
import { DEFAULT_MAX_INPUT_BYTES } from '../../shared/contract/define';
import { type Envelope, SESSION_HEADER } from '../../shared/contract/envelope';
import type { Dispatch } from '../../core/app/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { AppError } from '../../shared/errors';
import { browserAuth } from './browser-auth';
import { bridgePage } from './pages';
import { normaliseUrlPath, readStatic } from '../../core/platform/static-files';

export interface BridgeOptions {
  readonly dispatch: Dispatch;
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
}

export interface Bridge {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const send = (res: ServerResponse, status: number, type: string, body: Buffer | string): void => {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
};

const sendJson = (res: ServerResponse, status: number, envelope: Envelope): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(envelope));

const fail = (res: ServerResponse, status: number, code: string): void =>
  sendJson(res, status, { ok: false, error: { code } });

/** Reads at most `limit` bytes; null means the body was larger and reading stopped. */
const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * Browser mode: the built renderer plus `POST /rpc/{operation}`, on 127.0.0.1 only, behind a
 * token made for this launch. The page trades the token in its URL for a cookie, once
 * (browser-auth.ts); the bridge then keeps that browser's staff session, as the preload does.
 */
export const startBridge = async (options: BridgeOptions): Promise<Bridge> => {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const auth = browserAuth(token, () => port);

  const handleRpc = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    const bearer = auth.isBearer(req);
    const browser = bearer ? undefined : auth.browserOf(req);
    // The cookie rides along with any same-site request: only our own page may use it.
    const origin = req.headers.origin;
    if (browser && origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) {
      return fail(res, 403, 'bridge_unauthorized');
    }
    if (!bearer && !browser) return fail(res, 401, 'bridge_unauthorized');
    if (!isOperationName(name)) return fail(res, 404, 'unknown_operation');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(res, 415, 'bridge_json_required');
    }
    const body = await readBody(req, contract[name].maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
    if (body === null) return fail(res, 413, 'payload_too_large');
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return fail(res, 400, 'bridge_bad_json');
    }
    const header = req.headers[SESSION_HEADER];
    const { envelope, status } = await options.dispatch(name, input, {
      sessionId: browser ? browser.session : typeof header === 'string' ? header : undefined,
    });
    if (!browser || !envelope.ok) return sendJson(res, status, envelope);
    // The page never sees its session id; the bridge keeps it for that browser.
    if (envelope.session !== undefined) browser.session = envelope.session ?? undefined;
    sendJson(res, status, { ok: true, value: envelope.value });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Only our own host names: a DNS-rebinding page cannot reach the bridge.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      // A person who typed another name for this PC gets a page; scripts get the code.
      if (req.method === 'GET' && !(req.url ?? '').startsWith('/rpc/')) {
        const page = bridgePage('badHost', req.headers['accept-language'], { port });
        return send(res, 421, 'text/html; charset=utf-8', page);
      }
      return fail(res, 421, 'bridge_bad_host');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const rpc = /^\/rpc\/([A-Za-z]+)$/.exec(url.pathname);
    if (rpc?.[1]) {
      if (req.method !== 'POST') return fail(res, 405, 'bridge_method_not_allowed');
      return handleRpc(req, res, rpc[1]);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return fail(res, 405, 'bridge_method_not_allowed');
    const html = 'text/html; charset=utf-8';
    const language = req.headers['accept-language'];
    // The token check looks at the path the file system will see, not at how it was spelled.
    const path = normaliseUrlPath(url.pathname);
    if (path === null) return send(res, 404, html, bridgePage('notFound', language));
    const isPage = path === '/' || path.toLowerCase() === '/index.html';
    if (isPage && url.searchParams.has('token')) {
      const cookie = auth.exchange(url.searchParams.get('token') ?? '');
      if (!cookie && !auth.browserOf(req)) {
        return send(res, 401, html, bridgePage('unauthorized', language));
      }
      // Off the address bar and out of the history before the app even loads.
      res.setHeader('location', '/');
      if (cookie) res.setHeader('set-cookie', cookie);
      return send(res, 303, html, '');
    }
    if (isPage && !auth.browserOf(req)) {
      return send(res, 401, html, bridgePage('unauthorized', language));
    }
    const file = await readStatic(options.rendererDir, isPage ? '/index.html' : path);
    if (!file) return send(res, 404, html, bridgePage('notFound', language));
    send(res, 200, file.type, file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) fail(res, 500, 'internal');
      else res.destroy();
    });
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' ? new AppError('port_in_use', { port: options.port ?? 0 }) : e,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
