import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blueskyConnector } from '../../../src/core/network';
import type { AccountLookup } from '../../../src/core/network';
import { type AtprotoNetwork, startAtprotoNetwork } from '../../helpers/atproto-network';

let net: AtprotoNetwork;
let lookup: AccountLookup;

beforeAll(async () => {
  net = await startAtprotoNetwork();
  const connector = blueskyConnector({ handleResolver: net.pdsUrl, plcDirectory: net.plcUrl });
  if (!connector.lookup) throw new Error('Bluesky has a lookup');
  lookup = connector.lookup;
});
afterAll(async () => net?.close());

describe('the Bluesky connector against a real PLC directory and PDS', () => {
  test('a handle resolves to its DID and the profile display name', async () => {
    const ana = await net.createAccount('ana-connector', { displayName: 'Ana Prueba' });
    const profile = await lookup.resolve('ana-connector.test');
    expect(profile).toMatchObject({
      userId: ana.did,
      handle: 'ana-connector.test',
      displayName: 'Ana Prueba',
    });
    expect(profile.userId).toMatch(/^did:plc:/);
  });

  test('an account without a profile record has no display name, and is still found', async () => {
    const bare = await net.createAccount('bare-connector');
    expect(await lookup.resolve('bare-connector.test')).toMatchObject({
      userId: bare.did,
      displayName: null,
    });
  });

  test('a handle nobody holds is account_not_found', async () => {
    await expect(lookup.resolve('nadie-aqui.test')).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });

  test('a resolver that does not answer is network_unreachable, not a missing account', async () => {
    const down = blueskyConnector({
      handleResolver: 'http://127.0.0.1:9',
      plcDirectory: net.plcUrl,
    });
    await expect(down.lookup?.resolve('ana-connector.test')).rejects.toMatchObject({
      code: 'network_unreachable',
    });
  });

  test('the code is found in a post, a different code is told apart, none is none', async () => {
    const bea = await net.createAccount('bea-connector');
    const since = new Date(Date.now() - 60_000);
    const isMine = (c: string) => c === 'VNT-K7P-2QX';
    expect(await lookup.findCode(bea.did, since, isMine)).toEqual({ found: false, otherCodes: 0 });
    await net.post(bea, 'Mi código es vnt k7p 2qz, ¡hola ayuntamiento!');
    await net.post(bea, 'Otra vez: VNT-K7P-2QZ');
    // The same wrong code twice is one wrong code.
    expect(await lookup.findCode(bea.did, since, isMine)).toEqual({ found: false, otherCodes: 1 });
    await net.post(bea, 'Verificando con el ayuntamiento: VNT-K7P-2QX');
    expect(await lookup.findCode(bea.did, since, isMine)).toMatchObject({ found: true });
    // A post dated before the code was issued proves nothing.
    const later = new Date(Date.now() + 60_000);
    expect(await lookup.findCode(bea.did, later, isMine)).toEqual({ found: false, otherCodes: 0 });
  });

  test('an account taken down reads as gone; a renamed one keeps its DID', async () => {
    const cris = await net.createAccount('cris-connector', { displayName: 'Cris' });
    await cris.agent.com.atproto.identity.updateHandle({ handle: 'cris-nuevo.test' });
    const renamed = await lookup.status(cris.did);
    expect(renamed).toMatchObject({
      state: 'active',
      profile: { userId: cris.did, handle: 'cris-nuevo.test' },
    });
    await net.takeDown(cris.did);
    expect(await lookup.status(cris.did)).toEqual({ state: 'gone' });
  });
});
