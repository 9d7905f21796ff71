import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDrift } from '../../src/central/bluesky/drift';
import { opAppliers } from '../../src/central/op-appliers';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { type AtprotoNetwork, startAtprotoNetwork } from '../helpers/atproto-network';
import { expectRecords, townOn, useNetwork } from './bluesky-helpers';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

const pglite = storeVariants[0];
let net: AtprotoNetwork;
let central: RunningCentral;
let token = '';

beforeAll(async () => {
  net = await startAtprotoNetwork();
  useNetwork(net);
  if (!pglite) throw new Error('no PGlite variant');
  central = await startCentral(pglite, opAppliers);
  token = await createStaffToken(central.store, 'Policía Local', new Date());
});
afterAll(async () => {
  await central?.close();
  await net?.close();
});

const directory = async (subject: string) => {
  const res = await fetch(`${central.url}/v1/handles/bluesky/${subject}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Record<string, unknown>;
};

describe('central publishes the town’s Bluesky verifications (real PLC + PDS on loopback)', () => {
  it('publishes on verification, withdraws on revocation, and writes anew on re-verification', async () => {
    const { worker, records } = await townOn(net, central, 'town-publish');
    const ana = await net.createAccount('ana-publish', { displayName: 'Ana Pública' });
    const c = await verificationCounter(central);
    const v = await c.save(JUAN, ana.handle, { network: 'bluesky' });
    expect(v.platformUserId).toBe(ana.did);
    await c.sync();
    expect(await worker.publish()).toMatchObject({ written: 1, failed: 0 });
    const [record] = await records();
    expect(record).toMatchObject({
      subject: ana.did,
      handle: ana.handle,
      displayName: 'Ana Pública',
    });
    // Running again writes nothing more: the queue is idempotent by its stored record key.
    expect(await worker.publish()).toMatchObject({ written: 0, removed: 0 });
    await expectRecords(records, [{ account: ana }]);

    // The directory answers by DID and by profile link as well as by handle.
    expect(await directory(ana.did)).toMatchObject({ verified: true, handle: `@${ana.handle}` });
    expect(await directory(`https://bsky.app/profile/${ana.did}`)).toMatchObject({
      verified: true,
    });
    expect(await directory(ana.handle)).toMatchObject({ verified: true });

    await c.t.call(
      'verifyRevoke',
      { id: v.id, ground: 'resident_request', reason: 'Lo pide la vecina' },
      c.clerk,
    );
    await c.sync();
    expect(await worker.publish()).toMatchObject({ removed: 1 });
    expect(await records()).toEqual([]);
    expect(await directory(ana.did)).toEqual({ verified: false });

    const again = await c.save(JUAN, ana.handle, { network: 'bluesky' });
    await c.sync();
    await worker.publish();
    const [fresh] = await records();
    expect(fresh?.subject).toBe(ana.did);
    expect(fresh?.rkey).not.toBe(record?.rkey);
    expect(again.state).toBe('verified');
  });

  it('drift: a rename follows the DID, a new display name is flagged, a gone account is suspended', async () => {
    const { worker, records, lookup } = await townOn(net, central, 'town-drift');
    const bea = await net.createAccount('bea-drift', { displayName: 'Bea' });
    const c = await verificationCounter(central);
    await c.save(SOFIA, bea.handle, { network: 'bluesky' });
    await c.sync();
    await worker.publish();
    if (!lookup) throw new Error('lookup');

    await bea.agent.com.atproto.identity.updateHandle({ handle: 'bea-nueva.test' });
    expect(await watchDrift(central.store, lookup, () => new Date(), 100)).toMatchObject({
      renamed: 1,
    });
    // The old handle no longer answers verified; the new one and the DID do.
    expect(await directory('bea-drift.test')).toEqual({ verified: false });
    expect(await directory('bea-nueva.test')).toMatchObject({ verified: true });
    expect(await directory(bea.did)).toMatchObject({ verified: true, handle: '@bea-nueva.test' });
    // The town's policy here is to refresh the record: same key, new handle.
    await worker.publish();
    await expectRecords(records, [{ account: bea, handle: 'bea-nueva.test' }]);

    await bea.agent.com.atproto.repo.putRecord({
      repo: bea.did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName: 'Otra Persona' },
    });
    expect(await watchDrift(central.store, lookup, () => new Date(), 100)).toMatchObject({
      nameChanged: 1,
    });
    const [flagged] = await central.store.query<{ flag: string }>(
      'SELECT flag FROM bluesky_records WHERE subject_did = $1',
      [bea.did],
    );
    expect(flagged?.flag).toBe('display_name_changed');

    await net.takeDown(bea.did);
    expect(await watchDrift(central.store, lookup, () => new Date(), 100)).toMatchObject({
      gone: 1,
    });
    expect(await directory(bea.did)).toEqual({ verified: false });
    expect(await directory('bea-nueva.test')).toEqual({ verified: false });
    expect(await worker.publish()).toMatchObject({ removed: 1 });
    expect(await records()).toEqual([]);
    const audit = await central.store.query<{ action: string }>(
      `SELECT action FROM central_audit WHERE action LIKE 'bluesky.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'bluesky.handle_changed',
        'bluesky.display_name_changed',
        'bluesky.account_gone',
      ]),
    );
  });

  it('under the flag policy a rename is flagged for a person, and the record is left as it was', async () => {
    const { worker, records, lookup } = await townOn(net, central, 'town-flag', 'flag');
    const dani = await net.createAccount('dani-flag', { displayName: 'Dani' });
    const c = await verificationCounter(central);
    await c.save(JUAN, dani.handle, { network: 'bluesky' });
    await c.sync();
    await worker.publish();
    if (!lookup) throw new Error('lookup');
    await dani.agent.com.atproto.identity.updateHandle({ handle: 'dani-otro.test' });
    expect(await watchDrift(central.store, lookup, () => new Date(), 100)).toMatchObject({
      renamedFlagged: 1,
    });
    // The directory follows the DID all the same; the town's record still names the old handle.
    expect(await directory('dani-otro.test')).toMatchObject({ verified: true });
    expect(await directory('dani-flag.test')).toEqual({ verified: false });
    expect(await worker.publish()).toMatchObject({ written: 0 });
    expect((await records()).map((r) => r.handle)).toEqual(['dani-flag.test']);
    const [row] = await central.store.query<{ flag: string }>(
      'SELECT flag FROM bluesky_records WHERE subject_did = $1',
      [dani.did],
    );
    expect(row?.flag).toBe('handle_changed');
  });

  it('offline at the counter: central looks the account up, then finds the code in a post', async () => {
    const { worker } = await townOn(net, central, 'town-proof');
    const cris = await net.createAccount('cris-proof', { displayName: 'Cris' });
    const c = await verificationCounter(central);
    process.env.VENTANILLA_BLUESKY_RESOLVER = 'http://127.0.0.1:9';
    const v = await c.save(JUAN, cris.handle, { network: 'bluesky', proof: 'challenge_code' });
    useNetwork(net);
    expect(v).toMatchObject({ accountLookup: 'pending', platformUserId: null });
    await c.sync();
    expect(await worker.resolveAccounts()).toBe(1);
    await c.sync();
    expect(await c.t.call('verifyGet', { id: v.id }, c.clerk)).toMatchObject({
      accountLookup: 'resolved',
      platformUserId: cris.did,
      accountDisplayName: 'Cris',
    });
    // A wrong code proves nothing; the right one, found by central alone, verifies it.
    await net.post(cris, 'VNT-ZZZ-ZZZ');
    expect(await worker.searchProofs()).toBe(0);
    await net.post(cris, `Soy yo: ${v.challengeCode ?? ''}`);
    expect(await worker.searchProofs()).toBe(1);
    await c.sync();
    expect(await c.t.call('verifyGet', { id: v.id }, c.clerk)).toMatchObject({
      state: 'verified',
    });
    // The counter tells central it is verified on the sync after it applied the proof.
    await c.sync();
    expect(await worker.publish()).toMatchObject({ written: 1 });
  });
});
