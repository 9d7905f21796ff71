import { describe, expect, it } from 'vitest';
import { ANA, LUIS, ROSA, documentOf } from './fixture-register';
import { CLERK, desk, saveInput } from './desk';

describe('verification lifecycle', () => {
  it('saves a seen-on-device verification, audited and queued in one go', async () => {
    const { t, service, rows } = desk();
    const v = await service.save(CLERK, saveInput(ANA, 'https://x.com/Ana_G', t.clock.now()));
    expect(v).toMatchObject({
      state: 'verified',
      residentName: 'ANA GARCÍA LÓPEZ',
      handle: '@Ana_G',
      documentMasked: '***4567**',
      clerkName: 'clara',
      timeToVerifyMs: 40_000,
      challengeCode: null,
    });
    // The period (24 months) ends before the document (2031).
    expect(v.expiresAt).toBe('2028-03-02T09:00:00.000Z');
    expect(
      rows('SELECT action, subject FROM audit_log WHERE action LIKE ?', 'verification.%'),
    ).toEqual([{ action: 'verification.created', subject: `verification:${v.id}` }]);
    expect(rows('SELECT kind, entity_id FROM outbox WHERE kind LIKE ?', 'verification.%')).toEqual([
      { kind: 'verification.created', entity_id: v.id },
    ]);
  });

  it('ends a verification with the document when it expires first', async () => {
    const { t, service } = desk();
    const input = saveInput(ANA, '@ana_g', t.clock.now(), {
      document: documentOf(ANA, '2026-06-30'),
    });
    const v = await service.save(CLERK, input);
    expect(v.expiresAt).toBe('2026-06-30T23:59:59.999Z');
    t.clock.advance(121 * 86_400_000);
    expect(service.get(v.id)).toMatchObject({ state: 'expired', endGround: 'validity_ended' });
  });

  it('keeps a challenge code pending until confirmed, and lets it lapse after 72 h', async () => {
    const { t, service, rows } = desk();
    const a = await service.save(
      CLERK,
      saveInput(ANA, '@ana_g', t.clock.now(), { proof: 'challenge_code' }),
    );
    expect(a.state).toBe('pending_proof');
    expect(a.challengeCode).toMatch(/^VNT-[A-HJ-KM-NP-Z2-9]{3}-[A-HJ-KM-NP-Z2-9]{3}$/);
    expect(Date.parse(a.challengeExpiresAt ?? '') - t.clock.now().getTime()).toBe(72 * 3_600_000);
    expect(service.today()).toMatchObject({ done: 0, pendingProofs: 1 });
    t.clock.advance(3_600_000);
    expect(service.confirmProof(CLERK, a.id)).toMatchObject({ state: 'verified' });
    expect(service.today()).toMatchObject({ done: 1, pendingProofs: 0 });

    const b = await service.save(
      CLERK,
      saveInput(LUIS, '@luis_p', t.clock.now(), { proof: 'challenge_code' }),
    );
    t.clock.advance(72 * 3_600_000 + 1);
    expect(() => service.confirmProof(CLERK, b.id)).toThrow('challenge_expired');
    expect(service.get(b.id)).toMatchObject({ state: 'expired', endGround: 'challenge_expired' });
    expect(rows('SELECT kind FROM outbox WHERE entity_id = ? ORDER BY seq', b.id)).toEqual([
      { kind: 'verification.created' },
      { kind: 'verification.expired' },
    ]);
  });

  it('supersedes the old record on re-verification and never deletes it', async () => {
    const { t, service } = desk();
    const first = await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    t.clock.advance(60_000);
    const second = await service.save(CLERK, saveInput(ANA, '@ana_nuevo', t.clock.now()));
    const history = service.history(ANA.id);
    expect(history.map((v) => [v.handle, v.state, v.supersededBy])).toEqual([
      ['@ana_nuevo', 'verified', null],
      ['@ana_g', 'superseded', second.id],
    ]);
    // The old handle is free again once superseded.
    await expect(
      service.save(CLERK, saveInput(LUIS, '@ana_g', t.clock.now())),
    ).resolves.toMatchObject({
      state: 'verified',
    });
    expect(first.id).not.toBe(second.id);
  });

  it('keeps one verified handle per network per resident, and other networks apart', async () => {
    const { t, service, rows } = desk();
    await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    await service.save(CLERK, saveInput(ANA, 'ana', t.clock.now(), { network: 'bluesky' }));
    await service.save(CLERK, saveInput(ANA, '@ana_h', t.clock.now()));
    expect(
      rows(`SELECT network, handle FROM verifications WHERE state = 'verified' ORDER BY network`),
    ).toEqual([
      { network: 'bluesky', handle: '@ana.bsky.social' },
      { network: 'x', handle: '@ana_h' },
    ]);
    // The database refuses a second verified row even if the code were wrong.
    expect(() =>
      t.core.deps.db
        .prepare(`UPDATE verifications SET state = 'verified' WHERE handle = '@ana_g'`)
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('revokes with a reason, syncs it, and refuses to revoke twice', async () => {
    const { t, service, rows } = desk();
    const v = await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    const r = service.revoke(CLERK, v.id, 'resident_request', 'Ha perdido el teléfono');
    expect(r).toMatchObject({ state: 'revoked', endGround: 'resident_request' });
    expect(() => service.revoke(CLERK, v.id, 'decision', 'otra vez')).toThrow('not_revocable');
    const [queued] = rows<{ payload: string }>(
      `SELECT payload FROM outbox WHERE kind = 'verification.revoked'`,
    );
    expect(JSON.parse(queued?.payload ?? '{}')).toMatchObject({
      handleKey: 'ana_g',
      state: 'revoked',
      network: 'x',
    });
  });

  it('refuses residents not in or no longer in the register', async () => {
    const { t, service } = desk();
    await expect(
      service.save(CLERK, saveInput({ ...ANA, id: 'R-404' }, '@nadie', t.clock.now())),
    ).rejects.toThrow('resident_not_found');
    await expect(service.save(CLERK, saveInput(ROSA, '@rosa', t.clock.now()))).rejects.toThrow(
      'resident_deregistered',
    );
  });

  it('does not believe a start time in the future or hours old', async () => {
    const { t, service } = desk();
    const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const v = await service.save(
      CLERK,
      saveInput(ANA, '@ana_g', t.clock.now(), { startedAt: future }),
    );
    expect(v.timeToVerifyMs).toBe(0);
  });

  it('reports today: done, median time, pending proofs', async () => {
    const { t, service } = desk();
    await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    await service.save(CLERK, {
      ...saveInput(LUIS, '@luis', t.clock.now()),
      startedAt: new Date(t.clock.now().getTime() - 20_000).toISOString(),
    });
    expect(service.today()).toEqual({
      done: 2,
      medianMs: 30_000,
      pendingProofs: 0,
      conflictsWaiting: 0,
    });
  });
});
