import { describe, expect, it } from 'vitest';
import { ANA } from './fixture-register';
import { CLERK, desk, saveInput } from './desk';

describe('a revocation reason with personal data in it', () => {
  it('is stored and audited masked when it comes through the operation', async () => {
    const { t, service, rows } = desk();
    const v = await service.save(CLERK, saveInput(ANA, '@ana_mask', t.clock.now()));
    const clerk = await t.signInAs('clerk', 'clara');
    const reason = 'Pidió la baja por teléfono, 612 34 56 78, con DNI 12345678Z, ana@example.org';
    const revoked = await t.call(
      'verifyRevoke',
      { id: v.id, ground: 'resident_request', reason },
      clerk,
    );
    expect(revoked).toMatchObject({ state: 'revoked', endGround: 'resident_request' });
    const masked = 'Pidió la baja por teléfono, *** ** ** 78, con DNI ***4567**, a***@example.org';
    expect(revoked.endReason).toBe(masked);
    expect(rows('SELECT end_reason FROM verifications WHERE id = ?', v.id)).toEqual([
      { end_reason: masked },
    ]);
    const [entry] = rows<{ details: string }>(
      `SELECT details FROM audit_log WHERE action = 'verification.revoked'`,
    );
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ reason: masked });
    const everything = JSON.stringify(rows('SELECT * FROM audit_log'));
    for (const secret of ['12345678Z', '612 34 56', 'ana@example.org']) {
      expect(everything).not.toContain(secret);
    }
  });
});
