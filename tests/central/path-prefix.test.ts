import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opAppliers } from '../../src/central/op-appliers';
import { createVerificationRequest } from '../../src/central/verifications/service';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

const PREFIX = '/ventanilla-central';

/**
 * A reverse proxy as a town hall would put in front of central: it serves central under
 * `/ventanilla-central/`, stripping the prefix, and answers 404 to anything else.
 */
const prefixProxy = async (target: string) => {
  const seen: string[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    seen.push(`${req.method ?? ''} ${url}`);
    if (!url.startsWith(`${PREFIX}/`)) {
      res.writeHead(404).end();
      return;
    }
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: url.slice(PREFIX.length),
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
};

const variant = storeVariants[0];

describe('a central behind a reverse proxy under a path prefix', () => {
  let central: RunningCentral | undefined;
  let proxy: Awaited<ReturnType<typeof prefixProxy>> | undefined;
  beforeAll(async () => {
    if (!variant) throw new Error('no store variant');
    central = await startCentral(variant, opAppliers);
    proxy = await prefixProxy(central.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await central?.close();
  });

  it('enrols with the whole base URL, then pushes ops and pulls changes through it', async () => {
    if (!central || !proxy) throw new Error('not started');
    // The counter only knows the proxied address, as an administrator would type it.
    const viaProxy: RunningCentral = { ...central, url: `${proxy.url}${PREFIX}/` };
    const desk = await verificationCounter(viaProxy);
    expect(desk.t.core.services.sync.status().centralUrl).toBe(`${proxy.url}${PREFIX}`);

    const v = await desk.save(JUAN, '@juan_proxy');
    const pushed = await desk.sync();
    expect(pushed.pushed).toBeGreaterThanOrEqual(1);
    const [record] = await central.store.query<{ state: string }>(
      'SELECT state FROM handle_verifications WHERE id = $1',
      [v.id],
    );
    expect(record).toEqual({ state: 'verified' });

    const asked = await createVerificationRequest(
      central.store,
      { resident_id: SOFIA.id, network: 'x', handle: '@sofia_proxy' },
      'test',
      new Date(),
    );
    const pulled = await desk.sync();
    expect(pulled.pulled).toBeGreaterThanOrEqual(1);
    expect(
      desk.t.core.deps.db
        .prepare('SELECT handle FROM verification_requests WHERE id = ?')
        .get(asked.id),
    ).toEqual({ handle: '@sofia_proxy' });

    // Every request went under the prefix, signed ones included, and none was refused.
    const paths = proxy.seen.map((s) => s.split(' ')[1] ?? '');
    expect(paths.length).toBeGreaterThanOrEqual(4);
    expect(paths.every((p) => p.startsWith(`${PREFIX}/v1/`))).toBe(true);
    expect(proxy.seen).toEqual(
      expect.arrayContaining([
        `POST ${PREFIX}/v1/enroll`,
        `POST ${PREFIX}/v1/sync/push`,
        expect.stringMatching(new RegExp(`^GET ${PREFIX}/v1/sync/pull\\?`)),
      ]),
    );
  });
});
