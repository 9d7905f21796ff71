import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import sharp from 'sharp';
import {
  checkProof,
  lookupAccount,
  MAX_PROOF_MISSES,
} from '../../../src/core/verifications/accounts';
import {
  type AtprotoNetwork,
  startAtprotoNetwork,
  type TestAccount,
} from '../../helpers/atproto-network';
import { FakeClock } from '../../helpers/test-core';
import { CLERK, desk, saveInput } from './desk';
import { ANA, LUIS } from './fixture-register';

let net: AtprotoNetwork;
let ana: TestAccount;
const env = { ...process.env };

beforeAll(async () => {
  net = await startAtprotoNetwork();
  ana = await net.createAccount('ana-desk', { displayName: 'Ana del Mostrador' });
});
afterAll(async () => net?.close());
beforeEach(() => {
  process.env.VENTANILLA_BLUESKY_RESOLVER = net.pdsUrl;
  process.env.VENTANILLA_BLUESKY_PLC = net.plcUrl;
  return () => {
    process.env = { ...env };
  };
});

// Real time: the code must be posted after the record was made, as the PDS dates posts now.
const atNow = () => desk({ clock: new FakeClock(Date.now()) });

describe('a Bluesky verification at the counter, against a real PLC directory and PDS', () => {
  test('online, the handle is bound to its DID and the display name is kept', async () => {
    const { t, service } = atNow();
    const v = await service.save(CLERK, {
      ...saveInput(ANA, '@ana-desk.test', t.clock.now()),
      network: 'bluesky',
    });
    expect(v).toMatchObject({
      handle: '@ana-desk.test',
      platformUserId: ana.did,
      accountDisplayName: 'Ana del Mostrador',
      accountLookup: 'resolved',
      state: 'verified',
    });
  });

  test('before saving, the clerk is shown the account: name, handle and profile picture', async () => {
    const bytes = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#3a7' },
    })
      .png()
      .toBuffer();
    const dani = await net.createAccount('dani-desk', {
      displayName: 'Dani',
      avatar: { bytes, type: 'image/png' },
    });
    const shown = await lookupAccount('bluesky', 'dani-desk.test');
    expect(shown).toMatchObject({
      reachable: true,
      supported: true,
      account: { userId: dani.did, handle: 'dani-desk.test', displayName: 'Dani' },
    });
    expect(shown.account?.avatarUrl).toBe(`data:image/png;base64,${bytes.toString('base64')}`);
    // Networks with no open lookup say so, and the clerk checks the account by eye.
    expect(await lookupAccount('x', 'ana_g')).toEqual({
      reachable: true,
      supported: false,
      account: null,
    });
    process.env.VENTANILLA_BLUESKY_RESOLVER = 'http://127.0.0.1:9';
    expect(await lookupAccount('bluesky', 'dani-desk.test')).toMatchObject({ reachable: false });
  });

  test('a handle nobody holds is refused in words, and nothing is saved', async () => {
    const { t, service, rows } = atNow();
    await expect(
      service.save(CLERK, {
        ...saveInput(ANA, 'nadie-desk.test', t.clock.now()),
        network: 'bluesky',
      }),
    ).rejects.toMatchObject({ code: 'account_not_found' });
    expect(rows('SELECT id FROM verifications')).toHaveLength(0);
  });

  test('a DID typed by hand that is not the handle’s account is refused', async () => {
    const { t, service } = atNow();
    const other = await net.createAccount('otra-desk');
    await expect(
      service.save(CLERK, {
        ...saveInput(ANA, 'ana-desk.test', t.clock.now()),
        network: 'bluesky',
        platformUserId: other.did,
      }),
    ).rejects.toMatchObject({ code: 'account_mismatch' });
  });

  test('offline, the record is saved as pending, with no DID yet', async () => {
    const { t, service } = atNow();
    process.env.VENTANILLA_BLUESKY_RESOLVER = 'http://127.0.0.1:9';
    const v = await service.save(CLERK, {
      ...saveInput(ANA, 'ana-desk.test', t.clock.now()),
      network: 'bluesky',
      proof: 'challenge_code',
    });
    expect(v).toMatchObject({
      state: 'pending_proof',
      platformUserId: null,
      accountLookup: 'pending',
    });
    // The proof search needs the account: it waits for the next sync.
    await expect(checkProof(t.core.deps, service, CLERK, v.id)).rejects.toMatchObject({
      code: 'proof_needs_account',
    });
  });

  test('the one-time code posted from the account verifies it, with no clerk looking', async () => {
    const { t, service, rows } = atNow();
    const bea = await net.createAccount('bea-desk');
    const v = await service.save(CLERK, {
      ...saveInput(LUIS, 'bea-desk.test', t.clock.now()),
      network: 'bluesky',
      proof: 'challenge_code',
    });
    expect(await checkProof(t.core.deps, service, CLERK, v.id)).toMatchObject({
      outcome: 'not_found',
      verification: { state: 'pending_proof' },
    });
    await net.post(bea, `Me verifico en el ayuntamiento con ${v.challengeCode ?? ''}`);
    const done = await checkProof(t.core.deps, service, CLERK, v.id);
    expect(done).toMatchObject({ outcome: 'confirmed', verification: { state: 'verified' } });
    const audit = rows<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject = ? ORDER BY seq`,
      `verification:${v.id}`,
    ).map((r) => r.action);
    expect(audit).toContain('verification.proof_confirmed');
  });

  test('wrong codes count once each, and too many close the challenge', async () => {
    const { t, service } = atNow();
    const cris = await net.createAccount('cris-desk');
    const v = await service.save(CLERK, {
      ...saveInput(LUIS, 'cris-desk.test', t.clock.now()),
      network: 'bluesky',
      proof: 'challenge_code',
    });
    await net.post(cris, 'VNT-AAA-AAA');
    expect((await checkProof(t.core.deps, service, CLERK, v.id)).outcome).toBe('other_code');
    // Reading the same posts again is not another try.
    await checkProof(t.core.deps, service, CLERK, v.id);
    expect(service.get(v.id).state).toBe('pending_proof');
    for (let i = 1; i < MAX_PROOF_MISSES; i += 1) await net.post(cris, `VNT-AAA-AA${i + 1}`);
    const last = await checkProof(t.core.deps, service, CLERK, v.id);
    expect(last.verification).toMatchObject({
      state: 'expired',
      endGround: 'proof_attempts_exhausted',
    });
  });
});
