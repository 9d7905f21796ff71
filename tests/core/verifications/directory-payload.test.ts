import { describe, expect, it } from 'vitest';
import { directoryMaskedName } from '../../../src/core/verifications/text';
import { ANA, LUIS } from './fixture-register';
import { CLERK, desk, MANAGER, saveInput } from './desk';

describe('what central’s directory receives', () => {
  it('masks a name to initials with a fixed three stars, skipping surname particles', () => {
    expect(directoryMaskedName('Juan Carlos Díaz Ibáñez')).toBe('J*** C*** D*** I***');
    expect(directoryMaskedName('  sofía de la Fuente   Álvarez ')).toBe('S*** F*** Á***');
    expect(directoryMaskedName('ANA GARCÍA LÓPEZ')).toBe('A*** G*** L***');
    // Short and long names alike: the length is not given away.
    expect(directoryMaskedName('Li Wu')).toBe(directoryMaskedName('Leopoldo Wenceslao'));
  });

  it('sends the masked name, never the name or the document hash, with every state', async () => {
    const { t, service, conflicts, rows } = desk();
    const v = await service.save(CLERK, saveInput(ANA, '@ana_g', t.clock.now()));
    await expect(service.save(CLERK, saveInput(LUIS, '@Ana_G', t.clock.now()))).rejects.toThrow();
    const [open] = conflicts.list('open');
    if (!open) throw new Error('no conflict');
    conflicts.resolve(MANAGER, open.id, 'transfer', 'Cuenta de Luis');
    const ops = rows<{ kind: string; payload: string }>(
      `SELECT kind, payload FROM outbox WHERE kind LIKE 'verification.%' AND kind != 'verification.conflict' ORDER BY seq`,
    ).map((o) => ({ kind: o.kind, payload: JSON.parse(o.payload) as Record<string, unknown> }));
    expect(ops.map((o) => [o.kind, o.payload.maskedName])).toEqual([
      ['verification.created', 'A*** G*** L***'],
      ['verification.revoked', 'A*** G*** L***'],
      ['verification.created', directoryMaskedName(LUIS.fullName)],
    ]);
    const text = JSON.stringify(ops);
    expect(text).not.toContain(ANA.fullName);
    expect(text).not.toContain(LUIS.fullName);
    expect(text).not.toContain(
      rows<{ h: string }>('SELECT document_hash AS h FROM verifications WHERE id = ?', v.id)[0]?.h,
    );
  });
});
