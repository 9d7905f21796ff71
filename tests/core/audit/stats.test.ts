import { describe, expect, it } from 'vitest';
import { audit, inTransaction } from '../../../src/core/app/deps';
import type { Actor } from '../../../src/core/audit/append';
import type { AuditAction } from '../../../src/shared/contract/audit-actions';
import { testCore } from '../../helpers/test-core';

const ANA: Actor = { staffId: 2, username: 'ana', role: 'clerk' };
const LUIS: Actor = { staffId: 3, username: 'luis', role: 'clerk' };

describe('manager statistics', () => {
  it('counts verifications per day and clerk, forms by template and failed lookups, within the range', async () => {
    const t = testCore();
    const log = (actor: Actor, action: AuditAction, details: Record<string, unknown> = {}) =>
      inTransaction(t.core.deps, () => audit(t.core.deps, { actor, action, details }));
    log(ANA, 'verification.created');
    log(ANA, 'verification.created');
    log(LUIS, 'verification.created');
    log(ANA, 'forms.filed', { template: 'incidencia-via-publica@1' });
    log(LUIS, 'verification.lookup_failed', { reason: 'not_in_register' });
    t.clock.advance(24 * 3600_000);
    log(LUIS, 'verification.created');
    log(ANA, 'forms.filed', { template: 'incidencia-via-publica@1' });
    log(ANA, 'forms.filed', { template: 'instancia-general@1' });
    log(ANA, 'verification.lookup_failed', { reason: 'not_in_register' });
    log(LUIS, 'verification.lookup_failed', { reason: 'candidates_rejected' });

    const manager = await t.signInAs('manager', 'marta');
    const all = await t.call('auditStats', {}, manager);
    expect(all.verificationsPerDay).toEqual([
      { day: '2026-03-02', clerk: 'ana', count: 2 },
      { day: '2026-03-02', clerk: 'luis', count: 1 },
      { day: '2026-03-03', clerk: 'luis', count: 1 },
    ]);
    expect(all.formsByTemplate).toEqual([
      { template: 'incidencia-via-publica@1', count: 2 },
      { template: 'instancia-general@1', count: 1 },
    ]);
    expect(all.failedLookups).toEqual([
      { day: '2026-03-02', count: 1 },
      { day: '2026-03-03', count: 2 },
    ]);
    expect(all).toMatchObject({
      pendingProofs: 0,
      openConflicts: 0,
      medianTimeToVerifyPerWeek: [],
    });

    const secondDay = await t.call('auditStats', { from: '2026-03-03', to: '2026-03-03' }, manager);
    expect(secondDay.verificationsPerDay).toEqual([{ day: '2026-03-03', clerk: 'luis', count: 1 }]);
    expect(secondDay.failedLookups).toEqual([{ day: '2026-03-03', count: 2 }]);

    const clerk = await t.signInAs('clerk', 'eva');
    await expect(t.call('auditStats', {}, clerk)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("counts each day on the town's calendar, not UTC's", async () => {
    const t = testCore();
    const log = (actor: Actor) =>
      inTransaction(t.core.deps, () =>
        audit(t.core.deps, { actor, action: 'verification.created', details: {} }),
      );
    // 23:30 UTC on 2 March is 00:30 on 3 March in Madrid (UTC+1 in winter).
    t.clock.advance((14 * 60 + 30) * 60_000);
    log(ANA);
    t.clock.advance(60 * 60_000);
    log(ANA);
    const manager = await t.signInAs('manager', 'marta');
    const stats = await t.call('auditStats', {}, manager);
    expect(stats.verificationsPerDay).toEqual([{ day: '2026-03-03', clerk: 'ana', count: 2 }]);

    const admin = await t.signInAs('admin', 'root');
    await t.call('settingsUpdate', { timeZone: 'UTC' }, admin);
    const utc = await t.call('auditStats', {}, manager);
    expect(utc.verificationsPerDay).toEqual([
      { day: '2026-03-02', clerk: 'ana', count: 1 },
      { day: '2026-03-03', clerk: 'ana', count: 1 },
    ]);
  });
});
