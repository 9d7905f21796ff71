import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request between a counter and central. */
export type Fault =
  | 'pass'
  /** Never reaches central; the connection is cut. */
  | 'drop_request'
  /** Reaches central and commits; the answer is cut before the counter sees it. */
  | 'drop_response'
  /** Sent to central twice; the counter sees the first answer. */
  | 'duplicate'
  /** Held back until the counter gave up, then delivered late, after newer batches. */
  | 'delay'
  /** Only half the request body reaches central. */
  | 'truncate_request'
  /** Only half the answer reaches the counter. */
  | 'truncate_response'
  | 'http_500'
  | 'http_429';

export interface FaultProxy {
  readonly url: string;
  /** Requests seen so far, with the fault applied to each. */
  readonly log: { method: string; path: string; fault: Fault }[];
  close(): Promise<void>;
  /** Resolves when every delayed request has been delivered. */
  settled(): Promise<void>;
}

interface Forwarded {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * A loopback HTTP proxy in front of central that applies `plan(n)` to the n-th request
 * (0-based). Faults act at the HTTP level, as a flaky network or middlebox would.
 */
export const startFaultProxy = async (
  target: string,
  plan: (n: number, method: string, path: string) => Fault,
  delayMs = 1500,
): Promise<FaultProxy> => {
  const base = new URL(target);
  const log: FaultProxy['log'] = [];
  const late: Promise<unknown>[] = [];

  const forward = (req: IncomingMessage, body: Buffer, cut = false): Promise<Forwarded> =>
    new Promise((resolve, reject) => {
      const out = request(
        {
          host: base.hostname,
          port: base.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: base.host },
        },
        (res) => {
          readBody(res).then(
            (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
            reject,
          );
        },
      );
      out.on('error', reject);
      if (cut) {
        out.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => out.destroy(), 50);
      } else out.end(body);
    });

  const reply = (res: ServerResponse, f: Forwarded, truncate = false) => {
    const headers = { ...f.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(f.body.length);
    res.writeHead(f.status, headers);
    if (truncate) {
      res.write(f.body.subarray(0, Math.floor(f.body.length / 2)));
      setTimeout(() => res.destroy(), 20);
    } else res.end(f.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const fault = plan(log.length, req.method ?? 'GET', req.url ?? '/');
    log.push({ method: req.method ?? 'GET', path: req.url ?? '/', fault });
    switch (fault) {
      case 'pass':
        return reply(res, await forward(req, body));
      case 'drop_request':
        return res.destroy();
      case 'drop_response':
        await forward(req, body);
        return res.destroy();
      case 'duplicate': {
        const first = await forward(req, body);
        await forward(req, body);
        return reply(res, first);
      }
      case 'delay':
        late.push(
          new Promise((r) => setTimeout(r, delayMs))
            .then(() => forward(req, body))
            .catch(() => undefined),
        );
        // The counter times out and moves on; the connection stays silent.
        return;
      case 'truncate_request':
        await forward(req, body, true).catch(() => undefined);
        return res.destroy();
      case 'truncate_response':
        return reply(res, await forward(req, body), true);
      case 'http_500':
        res.writeHead(500, { 'content-type': 'application/json' });
        return res.end('{"error":"internal"}');
      case 'http_429':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
        return res.end('{"error":"busy"}');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    settled: async () => {
      await Promise.all(late);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
