import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blueskyConnector } from '../../../src/core/network';
import { type AtprotoNetwork, startAtprotoNetwork } from '../../helpers/atproto-network';
import { editingPlc, loopbackServer } from '../../helpers/bluesky-peers';

let net: AtprotoNetwork;
/** What each DID's document claims instead of the truth, per test. */
const claims = new Map<string, (doc: Record<string, unknown>) => Record<string, unknown>>();
let plc: Awaited<ReturnType<typeof editingPlc>>;

beforeAll(async () => {
  net = await startAtprotoNetwork();
  plc = await editingPlc(net.plcUrl, (did, doc) => claims.get(did)?.(doc) ?? doc);
});
afterAll(async () => {
  await plc?.close();
  await net?.close();
});

const lookup = () => {
  const c = blueskyConnector({ handleResolver: net.pdsUrl, plcDirectory: plc.url });
  if (!c.lookup) throw new Error('Bluesky has a lookup');
  return c.lookup;
};

const withPds = (endpoint: string) => (doc: Record<string, unknown>) => ({
  ...doc,
  service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: endpoint }],
});

describe('a Bluesky account is only who the network confirms it is', () => {
  test('a handle the DID document claims but that resolves to another account is not confirmed', async () => {
    const mayor = await net.createAccount('alcalde-guard');
    const eve = await net.createAccount('eve-guard');
    expect(await lookup().status(eve.did)).toMatchObject({
      state: 'active',
      handleConfirmed: true,
    });
    claims.set(eve.did, (doc) => ({ ...doc, alsoKnownAs: [`at://${mayor.handle}`] }));
    expect(await lookup().status(eve.did)).toMatchObject({
      state: 'active',
      profile: { handle: mayor.handle },
      handleConfirmed: false,
    });
    // Asked by the mayor's handle, the resolver names the mayor, and the claim does not hold.
    await expect(lookup().resolve(mayor.handle)).resolves.toMatchObject({ userId: mayor.did });
    claims.set(eve.did, (doc) => ({ ...doc, alsoKnownAs: [] }));
    expect(await lookup().status(eve.did)).toMatchObject({
      state: 'active',
      profile: { handle: '' },
      handleConfirmed: false,
    });
  });

  test('a PDS on a private or link-local address is never asked', async () => {
    const fay = await net.createAccount('fay-guard');
    const inside = await loopbackServer((_req, res) => res.end('{}'));
    try {
      for (const endpoint of [
        'http://169.254.169.254',
        'http://10.0.0.7',
        `https://127.0.0.1:${new URL(inside.url).port}`,
      ]) {
        claims.set(fay.did, withPds(endpoint));
        expect(await lookup().status(fay.did)).toEqual({ state: 'gone' });
        expect(await lookup().findCode(fay.did, new Date(0), () => true)).toEqual({
          found: false,
          otherCodes: 0,
        });
      }
      expect(inside.hits()).toBe(0);
    } finally {
      await inside.close();
    }
  });

  test('a did:web with a port or an escaped host is not fetched', async () => {
    for (const did of ['did:web:127.0.0.1%3A5432', 'did:web:localhost:5432', 'did:plc:x']) {
      expect(await lookup().status(did)).toEqual({ state: 'gone' });
    }
  });

  test('a PDS that never answers is network_unreachable, not a stall', async () => {
    const gil = await net.createAccount('gil-guard');
    const silent = await loopbackServer(() => undefined);
    try {
      claims.set(gil.did, withPds(silent.url));
      await expect(lookup().status(gil.did)).rejects.toMatchObject({ code: 'network_unreachable' });
      expect(silent.hits()).toBe(1);
    } finally {
      await silent.close();
    }
  }, 30_000);

  test('a PDS that answers with a huge body, or a redirect, is refused', async () => {
    const hal = await net.createAccount('hal-guard');
    const huge = await loopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"active":true,"pad":"');
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 40; i += 1) res.write(chunk);
      res.end('"}');
    });
    const redirect = await loopbackServer((req, res) =>
      res.writeHead(302, { location: `${net.pdsUrl}${req.url ?? ''}` }).end(),
    );
    try {
      // Nothing is concluded from an answer refused: the account is looked at again later.
      claims.set(hal.did, withPds(huge.url));
      await expect(lookup().status(hal.did)).rejects.toMatchObject({ code: 'network_unreachable' });
      expect(huge.hits()).toBe(1);
      claims.set(hal.did, withPds(redirect.url));
      await expect(lookup().status(hal.did)).rejects.toMatchObject({ code: 'network_unreachable' });
      expect(redirect.hits()).toBe(1);
    } finally {
      await huge.close();
      await redirect.close();
    }
  });

  test('a resolver answering a string that is not a DID finds nobody', async () => {
    const resolver = await loopbackServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ did: 'did:web:127.0.0.1%3A5432' })),
    );
    try {
      const c = blueskyConnector({ handleResolver: resolver.url, plcDirectory: plc.url });
      await expect(c.lookup?.resolve('quien.test')).rejects.toMatchObject({
        code: 'account_not_found',
      });
    } finally {
      await resolver.close();
    }
  });
});
