import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on loopback; `handle` answers every request. */
export const loopbackServer = async (
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown,
): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> => {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    void handle(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
};

/**
 * A PLC directory in front of the real one that serves each DID's document as the account
 * could write it: `edit(did, doc)` changes what the account claims (its handle, its PDS).
 */
export const editingPlc = (
  plcUrl: string,
  edit: (did: string, doc: Record<string, unknown>) => Record<string, unknown>,
) =>
  loopbackServer(async (req, res) => {
    const upstream = await fetch(`${plcUrl}${req.url ?? '/'}`);
    const did = decodeURIComponent((req.url ?? '/').slice(1));
    if (!upstream.ok) {
      res.writeHead(upstream.status).end(await upstream.text());
      return;
    }
    const doc = (await upstream.json()) as Record<string, unknown>;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(edit(did, doc)));
  });
