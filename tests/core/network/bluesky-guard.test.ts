import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blueskyConnector } from '../../../src/core/network';
import { type AtprotoNetwork, startAtprotoNetwork } from '../../helpers/atproto-network';
import { editingPlc } from '../../helpers/bluesky-peers';

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
});
