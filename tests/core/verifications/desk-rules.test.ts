import { describe, expect, it } from 'vitest';
import { FISHING_THRESHOLD, fishingLockMs } from '../../../src/core/verifications/anti-fishing';
import {
  applyPendingRequest,
  applyProofConfirmation,
} from '../../../src/core/verifications/sync-appliers';
import { ANA, documentOf, LUIS } from './fixture-register';
import { CLERK, desk, MANAGER, saveInput } from './desk';

const STRANGER = { ...documentOf(ANA), document_number: '11111111H' };

describe('one resident per handle: conflicts', () => {
  it('refuses a handle verified for someone else, masks them, and queues the case once', async () => {
    const { t, service, conflicts, rows } = desk();
    await service.save(CLERK, saveInput(ANA, '@Ana_G', t.clock.now()));
    const attempt = service.save(CLERK, saveInput(LUIS, '@ana_g', t.clock.now()));
    await expect(attempt).rejects.toMatchObject({
      code: 'handle_conflict',
      params: { holder: 'A*** G*** L***' },
    });
    await expect(
      service.save(CLERK, saveInput(LUIS, 'x.com/ANA_G', t.clock.now())),
    ).rejects.toThrow('handle_conflict');
    expect(rows('SELECT count(*) AS n FROM verifications WHERE resident_id = ?', LUIS.id)).toEqual([
      { n: 0 },
    ]);
    const open = conflicts.list('open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      handle: '@ana_g',
      claimantName: 'LUIS PÉREZ MARTÍN',
      holderName: 'ANA GARCÍA LÓPEZ',
    });
    expect(service.today().conflictsWaiting).toBe(1);
  });

  it('catches a renamed handle by its platform user id', async () => {
    const { t, service } = desk();
    await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now(), { platformUserId: '90210' }));
    await expect(
      service.save(
        CLERK,
        saveInput(LUIS, '@otro_nombre', t.clock.now(), { platformUserId: '90210' }),
      ),
    ).rejects.toThrow('handle_conflict');
  });

  it('lets a manager transfer the handle with a reason, audited', async () => {
    const { t, service, conflicts, rows } = desk();
    const held = await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    await expect(service.save(CLERK, saveInput(LUIS, '@ana_g', t.clock.now()))).rejects.toThrow();
    const [c] = conflicts.list('open');
    const done = conflicts.resolve(
      MANAGER,
      c?.id ?? '',
      'transfer',
      'La cuenta es de Luis: lo acredita con la factura',
    );
    expect(done).toMatchObject({ state: 'transferred', resolvedBy: 'marta' });
    expect(service.get(held.id)).toMatchObject({ state: 'revoked', endGround: 'transferred' });
    expect(service.history(LUIS.id)).toMatchObject([
      { handle: '@ana_g', state: 'verified', clerkName: 'clara' },
    ]);
    expect(() => conflicts.resolve(MANAGER, c?.id ?? '', 'reject', 'tarde')).toThrow(
      'conflict_already_resolved',
    );
    expect(
      rows<{ action: string }>(
        `SELECT action FROM audit_log WHERE actor_name = 'marta' ORDER BY seq`,
      ).map((r) => r.action),
    ).toEqual([
      'verification.revoked',
      'verification.created',
      'verification.conflict_transferred',
    ]);
  });

  it('lets a manager reject the claim, leaving the holder untouched', async () => {
    const { t, service, conflicts } = desk();
    const held = await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    await expect(service.save(CLERK, saveInput(LUIS, '@ana_g', t.clock.now()))).rejects.toThrow();
    const [c] = conflicts.list('open');
    expect(conflicts.resolve(MANAGER, c?.id ?? '', 'reject', 'No aporta prueba')).toMatchObject({
      state: 'rejected',
    });
    expect(service.get(held.id).state).toBe('verified');
    expect(conflicts.list('open')).toEqual([]);
    expect(conflicts.list('all')).toHaveLength(1);
  });
  it('queues a confirmed challenge whose handle was verified for someone else meanwhile', async () => {
    const { t, service, conflicts } = desk();
    const pending = await service.save(
      CLERK,
      saveInput(ANA, '@ana_g', t.clock.now(), { proof: 'challenge_code' }),
    );
    const other = await service.save(CLERK, saveInput(LUIS, '@ana_g', t.clock.now()));
    expect(() => service.confirmProof(CLERK, pending.id)).toThrow('handle_conflict');
    expect(service.get(pending.id).state).toBe('pending_proof');
    const [c] = conflicts.list('open');
    expect(c).toMatchObject({ claimantResidentId: ANA.id, holderResidentId: LUIS.id });
    conflicts.resolve(MANAGER, c?.id ?? '', 'transfer', 'El código llegó desde la cuenta');
    expect(service.get(pending.id)).toMatchObject({ state: 'verified' });
    expect(service.get(other.id)).toMatchObject({ state: 'revoked', endGround: 'transferred' });
  });
});

describe('expired documents', () => {
  it('refuses an expired document unless a manager at the counter authorises it', async () => {
    const { t, service, rows } = desk();
    await t.signInAs('clerk', 'clara');
    await t.signInAs('manager', 'marta');
    const input = saveInput(ANA, '@ana_g', t.clock.now(), {
      document: documentOf(ANA, '2025-12-31'),
    });
    await expect(service.save(CLERK, input)).rejects.toMatchObject({
      code: 'document_expired',
      params: { date: '31/12/2025' },
    });
    const password = 'correct horse battery';
    await expect(
      service.save(CLERK, {
        ...input,
        override: { username: 'clara', password, reason: 'Renovación en trámite' },
      }),
    ).rejects.toThrow('override_needs_manager');
    await expect(
      service.save(CLERK, {
        ...input,
        override: { username: 'marta', password: 'wrong', reason: 'Renovación en trámite' },
      }),
    ).rejects.toThrow('invalid_credentials');
    const v = await service.save(CLERK, {
      ...input,
      override: { username: 'marta', password, reason: 'Renovación en trámite' },
    });
    expect(v).toMatchObject({ state: 'verified', overrideBy: 'marta' });
    expect(
      rows(
        `SELECT actor_name, details FROM audit_log WHERE action = 'verification.expired_document_override'`,
      ),
    ).toEqual([
      {
        actor_name: 'clara',
        details: '{"expiry":"2025-12-31","manager":"marta","reason":"Renovación en trámite"}',
      },
    ]);
  });
});

describe('failed lookups and anti-fishing', () => {
  it('logs "not in the register" with who, when and the masked number only', () => {
    const { service, rows } = desk();
    expect(service.match(CLERK, STRANGER)).toEqual({
      outcome: 'not_in_register',
      documentMasked: '***1111**',
      candidates: [],
    });
    expect(rows('SELECT staff_name, document_masked, reason, at FROM failed_lookups')).toEqual([
      {
        staff_name: 'clara',
        document_masked: '***1111**',
        reason: 'not_in_register',
        at: '2026-03-02T09:00:00.000Z',
      },
    ]);
    expect(rows(`SELECT kind FROM outbox WHERE kind = 'verification.failed_lookup'`)).toHaveLength(
      1,
    );
    expect(service.match(CLERK, documentOf(ANA)).candidates[0]).toMatchObject({
      residentId: ANA.id,
      verdict: 'strong',
    });
    expect(
      rows(
        `SELECT actor_name, subject FROM audit_log WHERE action = 'verification.lookup_matched'`,
      ),
    ).toEqual([{ actor_name: 'clara', subject: 'document:***4567**' }]);
  });

  it('locks a number after repeated misses, with a rising delay kept in the database', () => {
    const { t, service } = desk();
    for (let i = 0; i < FISHING_THRESHOLD; i++) service.match(CLERK, STRANGER);
    expect(() => service.match(CLERK, STRANGER)).toThrow('lookup_locked');
    expect(() => service.match(CLERK, STRANGER)).toThrowError(
      expect.objectContaining({ params: { seconds: fishingLockMs(1) / 1000 } }) as Error,
    );
    // Other numbers are not affected.
    expect(service.match(CLERK, documentOf(LUIS)).outcome).toBe('candidates');
    t.clock.advance(fishingLockMs(1) + 1);
    for (let i = 0; i < FISHING_THRESHOLD; i++) service.match(CLERK, STRANGER);
    expect(() => service.match(CLERK, STRANGER)).toThrowError(
      expect.objectContaining({ params: { seconds: fishingLockMs(2) / 1000 } }) as Error,
    );
    expect(fishingLockMs(2)).toBe(2 * fishingLockMs(1));
    expect(fishingLockMs(40)).toBe(3_600_000);
  });

  it('survives a restart: the lock lives in the database', () => {
    const first = desk();
    for (let i = 0; i < FISHING_THRESHOLD; i++) first.service.rejectCandidates(CLERK, STRANGER);
    first.t.core.close();
    const again = desk({ dataDir: first.t.dataDir, clock: first.t.clock });
    expect(() => again.service.match(CLERK, STRANGER)).toThrow('lookup_locked');
  });

  it('spaces misses out: three in more than ten minutes do not lock', () => {
    const { t, service } = desk();
    for (let i = 0; i < FISHING_THRESHOLD + 2; i++) {
      service.match(CLERK, STRANGER);
      t.clock.advance(6 * 60_000);
    }
    expect(service.match(CLERK, STRANGER).outcome).toBe('not_in_register');
  });
});

describe('changes from central', () => {
  it('offers a pending online request and marks it used once saved', async () => {
    const { t, service } = desk();
    applyPendingRequest(t.core.deps, {
      id: 'REQ-1',
      residentId: ANA.id,
      network: 'mastodon',
      handle: 'Ana@Mastodon.social',
      requestedAt: '2026-03-01T18:00:00Z',
    });
    expect(service.pendingRequests(ANA.id)).toEqual([
      expect.objectContaining({ id: 'REQ-1', handle: '@Ana@mastodon.social', network: 'mastodon' }),
    ]);
    await service.save(
      CLERK,
      saveInput(ANA, '@Ana@mastodon.social', t.clock.now(), {
        network: 'mastodon',
        pendingRequestId: 'REQ-1',
      }),
    );
    expect(service.pendingRequests(ANA.id)).toEqual([]);
    // A re-sent request does not reopen a used one.
    applyPendingRequest(t.core.deps, {
      id: 'REQ-1',
      residentId: ANA.id,
      network: 'mastodon',
      handle: 'ana@mastodon.social',
      requestedAt: '2026-03-01T18:00:00Z',
    });
    expect(service.pendingRequests(ANA.id)).toEqual([]);
  });

  it('confirms a challenge when central saw the right code, idempotently', async () => {
    const { t, service, rows } = desk();
    const v = await service.save(
      CLERK,
      saveInput(ANA, '@ana_g', t.clock.now(), { proof: 'challenge_code' }),
    );
    const code = v.challengeCode ?? '';
    expect(
      applyProofConfirmation(service, t.core.deps, { verificationId: v.id, code: 'VNT-AAA-AAA' }),
    ).toBe('code_mismatch');
    expect(applyProofConfirmation(service, t.core.deps, { verificationId: 'nope', code })).toBe(
      'unknown',
    );
    expect(applyProofConfirmation(service, t.core.deps, { verificationId: v.id, code })).toBe(
      'confirmed',
    );
    expect(applyProofConfirmation(service, t.core.deps, { verificationId: v.id, code })).toBe(
      'already_verified',
    );
    expect(
      rows(`SELECT actor_name FROM audit_log WHERE action = 'verification.proof_confirmed'`),
    ).toEqual([{ actor_name: 'central' }]);
  });
});
