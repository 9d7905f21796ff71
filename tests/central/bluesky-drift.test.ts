import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDrift } from '../../src/central/bluesky/drift';
import { opAppliers } from '../../src/central/op-appliers';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { blueskyConnector } from '../../src/core/network';
import { type AtprotoNetwork, startAtprotoNetwork } from '../helpers/atproto-network';
import { editingPlc } from '../helpers/bluesky-peers';
import { townOn, useNetwork } from './bluesky-helpers';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

const pglite = storeVariants[0];
let net: AtprotoNetwork;
let central: RunningCentral;
let plc: Awaited<ReturnType<typeof editingPlc>>;
let token = '';
/** What an account writes into its own DID document, per DID. */
const claims = new Map<string, (doc: Record<string, unknown>) => Record<string, unknown>>();

beforeAll(async () => {
  net = await startAtprotoNetwork();
  useNetwork(net);
  plc = await editingPlc(net.plcUrl, (did, doc) => claims.get(did)?.(doc) ?? doc);
  if (!pglite) throw new Error('no PGlite variant');
  central = await startCentral(pglite, opAppliers);
  token = await createStaffToken(central.store, 'Policía Local', new Date());
});
afterAll(async () => {
  await central?.close();
  await plc?.close();
  await net?.close();
});

const directory = async (subject: string) => {
  const res = await fetch(`${central.url}/v1/handles/bluesky/${subject}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Record<string, unknown>;
};

/** The network as the accounts' own DID documents tell it (through the editing PLC). */
const lookup = () => {
  const c = blueskyConnector({ handleResolver: net.pdsUrl, plcDirectory: plc.url });
  if (!c.lookup) throw new Error('Bluesky has a lookup');
  return c.lookup;
};
const drift = (limit = 100) => watchDrift(central.store, lookup(), () => new Date(), limit);
const flagOf = async (did: string) =>
  (
    await central.store.query<{ flag: string | null }>(
      'SELECT flag FROM bluesky_records WHERE subject_did = $1',
      [did],
    )
  )[0]?.flag;

describe('the directory by Bluesky subject', () => {
  it('a broken %-escape in the subject is refused as a bad request', async () => {
    // The path arrives decoded once: what is left is a profile link with a torn UTF-8 escape.
    for (const subject of ['%25E0%25A4', 'https://bsky.app/profile/%25E0%25A4']) {
      const res = await fetch(`${central.url}/v1/handles/bluesky/${subject}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
  });
});

describe('the drift watch believes only what the network confirms (real PLC + PDS on loopback)', () => {
  it('a handle the account claims in its DID document, or none, is flagged, never followed', async () => {
    const { worker, records } = await townOn(net, central, 'town-spoof');
    const mayor = await net.createAccount('alcalde-spoof');
    const eve = await net.createAccount('eve-spoof');
    const c = await verificationCounter(central);
    await c.save(JUAN, mayor.handle, { network: 'bluesky' });
    await c.save(SOFIA, eve.handle, { network: 'bluesky' });
    await c.sync();
    await worker.publish();

    claims.set(eve.did, (doc) => ({ ...doc, alsoKnownAs: [`at://${mayor.handle}`] }));
    expect(await drift()).toMatchObject({ renamed: 0, renamedFlagged: 0, unconfirmed: 1 });
    expect(await directory(eve.did)).toMatchObject({ verified: true, handle: `@${eve.handle}` });
    expect(await directory(mayor.handle)).toMatchObject({ verified: true });
    expect(await directory(mayor.did)).toMatchObject({ handle: `@${mayor.handle}` });
    expect(await flagOf(eve.did)).toBe('handle_changed');

    claims.set(eve.did, (doc) => ({ ...doc, alsoKnownAs: [] }));
    expect(await drift()).toMatchObject({ renamed: 0 });
    expect(await directory(eve.did)).toMatchObject({ handle: `@${eve.handle}` });
    expect(await directory('@')).toEqual({ verified: false });
    expect(await worker.publish()).toMatchObject({ written: 0 });
    const held = await records();
    expect(held.map((r) => [r.subject, r.handle]).sort()).toEqual(
      [
        [mayor.did, mayor.handle],
        [eve.did, eve.handle],
      ].sort(),
    );
    claims.clear();
  });

  it('a handle that resolves back but another holder is verified under is flagged', async () => {
    const { worker } = await townOn(net, central, 'town-taken');
    const ivo = await net.createAccount('ivo-taken');
    const jon = await net.createAccount('jon-taken');
    const c = await verificationCounter(central);
    await c.save(JUAN, ivo.handle, { network: 'bluesky' });
    await c.save(SOFIA, jon.handle, { network: 'bluesky' });
    await c.sync();
    await worker.publish();
    await drift();
    // Ivo gives his handle up and Jon takes it before the watch has seen Ivo's rename.
    await ivo.agent.com.atproto.identity.updateHandle({ handle: 'ivo-otro.test' });
    await jon.agent.com.atproto.identity.updateHandle({ handle: ivo.handle });
    await central.store.query(
      `UPDATE bluesky_records SET checked_at = now() + interval '1 hour' WHERE subject_did = $1`,
      [ivo.did],
    );
    expect(await drift(1)).toMatchObject({ renamed: 0, unconfirmed: 1 });
    expect(await directory(ivo.handle)).toMatchObject({ verified: true });
    expect(await directory(jon.did)).toMatchObject({ handle: `@${jon.handle}` });
    expect(await flagOf(jon.did)).toBe('handle_changed');
  });

  it('an account taken down and restored is suspended, then back and republished once', async () => {
    const { worker, records } = await townOn(net, central, 'town-back');
    const kai = await net.createAccount('kai-back', { displayName: 'Kai' });
    const c = await verificationCounter(central);
    await c.save(JUAN, kai.handle, { network: 'bluesky' });
    await c.sync();
    await worker.publish();
    // The town's account is shared by this file's tests: only Kai's records are looked at.
    const kais = async () => (await records()).filter((r) => r.subject === kai.did);
    expect(await kais()).toHaveLength(1);

    await net.takeDown(kai.did);
    expect(await drift()).toMatchObject({ gone: 1 });
    expect(await worker.publish()).toMatchObject({ removed: 1 });
    expect(await kais()).toEqual([]);
    expect(await directory(kai.did)).toEqual({ verified: false });
    // Still gone on the next pass: nothing new is counted.
    expect(await drift()).toMatchObject({ gone: 0, back: 0 });

    await net.restore(kai.did);
    expect(await drift()).toMatchObject({ back: 1 });
    expect(await directory(kai.did)).toMatchObject({ verified: true, handle: `@${kai.handle}` });
    await worker.publish();
    expect(await worker.publish()).toMatchObject({ written: 0, removed: 0 });
    expect((await kais()).map((r) => r.handle)).toEqual([kai.handle]);
    expect(await flagOf(kai.did)).toBeNull();
  });
});
