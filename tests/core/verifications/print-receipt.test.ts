import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerificationDesk } from '../../../src/core/verifications';
import { ocrDocument } from '../../helpers/ocr-document';
import { SYSTEM, testCore } from '../../helpers/test-core';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

const savedVerification = async () => {
  const t = testCore();
  t.core.services.residents.importCsv(readFileSync(join(FIXTURES, 'register/padron-utf8.csv')), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await t.signInAs('clerk', 'clara');
  const v = await t.call(
    'verifySave',
    {
      residentId: 'R001',
      document: ocrDocument({ document_number: '74252101M', expiry_date: '2034-01-01' }),
      corrected: [],
      network: 'x',
      handle: '@juan_diaz',
      proof: 'challenge_code',
      startedAt: t.clock.now().toISOString(),
    },
    clerk,
  );
  return { t, clerk, v };
};

describe('printing the receipt', () => {
  it('hands the rendered PDF to the desktop print dialog when there is one', async () => {
    const { t, v } = await savedVerification();
    const printed: Buffer[] = [];
    const desk = createVerificationDesk(
      t.core.deps,
      t.core.services.residents,
      () => Promise.reject(new Error('not used')),
      async (pdf) => {
        printed.push(pdf);
        return true;
      },
    );
    // The handler itself: the desktop shell's printer is not wired into the test core.
    const ctx = { session: undefined, actor: SYSTEM, setSession: () => undefined };
    await expect(
      desk.handlers.verifyPrintReceipt({ id: v.id, language: 'es' }, ctx),
    ).resolves.toEqual({ desktop: true, printed: true });
    expect(printed).toHaveLength(1);
    const text = printed[0]?.toString('latin1') ?? '';
    expect(text.startsWith('%PDF-')).toBe(true);
    await desk.close();
  });

  it('tells the page to print it itself when there is no desktop (browser mode, CLI)', async () => {
    const { t, clerk, v } = await savedVerification();
    await expect(
      t.call('verifyPrintReceipt', { id: v.id, language: 'en' }, clerk),
    ).resolves.toEqual({ desktop: false, printed: false });
  });
});
