import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { ANA } from './fixture-register';
import { CLERK, desk, saveInput } from './desk';

describe('a challenge code in the audit log', () => {
  it('records that the code matched, never the code, in the rows, the CSV and the PDF', async () => {
    const { t, service, rows } = desk();
    const saved = await service.save(
      CLERK,
      saveInput(ANA, '@ana_code', t.clock.now(), { proof: 'challenge_code' }),
    );
    const code = saved.challengeCode ?? '';
    expect(code).toMatch(/^VNT-/);
    expect(service.confirmProof(CLERK, saved.id)).toMatchObject({ state: 'verified' });

    const details = rows<{ action: string; details: string }>(
      'SELECT action, details FROM audit_log ORDER BY seq',
    );
    const confirmed = details.find((r) => r.action === 'verification.proof_confirmed');
    expect(JSON.parse(confirmed?.details ?? '{}')).toEqual({
      network: 'x',
      handle: '@ana_code',
      codeMatched: true,
    });
    // The code's distinctive part, with or without its dashes, is nowhere in the log.
    const bare = code.replace(/^VNT-/, '');
    for (const r of details) {
      expect(r.details).not.toContain(bare);
      expect(r.details).not.toContain(bare.replace('-', ''));
    }

    const admin = await t.signInAs('admin', 'root');
    const csv = await t.call('auditExport', { format: 'csv' }, admin);
    const csvText = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csvText).toContain('verification.proof_confirmed');
    expect(csvText).not.toContain(bare);
    const pdf = await t.call('auditExport', { format: 'pdf', language: 'en' }, admin);
    const path = join(tempDir(), pdf.fileName);
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    const pdfText = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('@ana_code');
    expect(pdfText.replace(/\s+/g, '')).not.toContain(bare);
  });
});
