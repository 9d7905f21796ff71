import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrDocument } from '../../helpers/ocr-document';
import { SYSTEM, testCore } from '../../helpers/test-core';

const REGISTER = join(import.meta.dirname, '../../fixtures/register/padron-utf8.csv');

describe('the verification receipt', () => {
  it('names the clerk by their full name, as registry receipts do, and prints local times with the offset', async () => {
    const t = testCore();
    t.core.services.residents.importCsv(readFileSync(REGISTER), {
      actor: SYSTEM,
      fileName: 'padron-utf8.csv',
    });
    const password = 'correct horse battery';
    await t.core.services.staff.add(SYSTEM, {
      username: 'clara',
      displayName: 'Clara Ruiz Soto',
      role: 'clerk',
      password,
    });
    const clerk = (await t.core.services.auth.signIn('clara', password)).id;
    const v = await t.call(
      'verifySave',
      {
        residentId: 'R001',
        document: ocrDocument({ document_number: '74252101M', expiry_date: '2034-01-01' }),
        network: 'x',
        handle: '@juan_diaz',
        proof: 'seen_on_device',
        startedAt: t.clock.now().toISOString(),
      },
      clerk,
    );
    const out = await t.call('verifyReceipt', { id: v.id, language: 'es' }, clerk);
    const file = join(t.dataDir, 'receipt.pdf');
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Clara Ruiz Soto');
    expect(text).not.toMatch(/\bclara\b/);
    // 09:00 UTC on 2 March is 10:00 in Madrid.
    expect(text).toContain('02/03/2026 10:00:00 (UTC+01:00)');
  });
});
