import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPdf } from '../../../src/core/audit/pdf';
import { renderReceipt } from '../../../src/core/verifications/receipt-pdf';
import type { Verification } from '../../../src/shared/contract/verifications';
import { tempDir } from '../../helpers/temp-dir';

const verification: Verification = {
  id: '0190aaaa-0000-7000-8000-000000000001',
  residentId: 'r1',
  residentName: 'Łukasz Żółć Nguyễn',
  network: 'instagram',
  handle: 'lukasz.zolc',
  platformUserId: null,
  state: 'pending_proof',
  proofMethod: 'challenge_code',
  challengeCode: 'K7Q-4XZ',
  challengeExpiresAt: '2026-03-03T09:00:00.000Z',
  documentType: 'NIE',
  documentMasked: '****4567*',
  documentExpiry: null,
  correctedFields: [],
  overrideBy: null,
  overrideGrounds: [],
  entry: 'read',
  clerkName: 'Søren Ørsted',
  startedAt: '2026-03-02T09:00:00.000Z',
  createdAt: '2026-03-02T09:00:00.000Z',
  verifiedAt: null,
  timeToVerifyMs: null,
  expiresAt: null,
  endedAt: null,
  endGround: null,
  endReason: null,
  supersededBy: null,
  accountDisplayName: null,
  accountLookup: null,
};

describe('the shared Unicode PDF fonts', () => {
  it('print names outside Latin-1 exactly on the verification receipt too', async () => {
    const dir = tempDir();
    const file = join(dir, 'verification.pdf');
    writeFileSync(file, await renderReceipt(verification, 'Ayuntamiento de Jun', 'es'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Łukasz Żółć Nguyễn');
    expect(text).toContain('Søren Ørsted');
    expect(text).toContain('K7Q-4XZ');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSansMono-Bold.*yes/);
    expect(fonts).not.toMatch(/Helvetica|Courier/);
  });
  it('print them in the audit PDF rows and header, which write glyphs directly for speed', async () => {
    const dir = tempDir();
    const file = join(dir, 'audit.pdf');
    const row = (seq: number, actorName: string, subject: string, details: object) => ({
      seq,
      at: '2026-03-02T09:00:00.000Z',
      utcOffsetMin: 60,
      device: 'd1',
      actorId: 1,
      actorName,
      actorRole: 'clerk',
      action: 'verification.verified',
      subject,
      details: JSON.stringify(details),
      hash: 'a'.repeat(64),
    });
    const { pdf, count } = await auditPdf(
      [
        row(1, 'łukasz', '@żółć.nguyễn', { name: 'Ørsted', city: 'Київ' }),
        row(2, 'ana', 'x\u0007y', { n: 2 }),
      ],
      {
        lang: 'es',
        townName: 'Ayuntamiento de Łódź',
        device: 'd1',
        filters: { staff: 'łukasz' },
        printedBy: 'søren',
        printedByRole: 'manager',
        printedAt: new Date('2026-03-02T10:00:00Z'),
        timeZone: 'Europe/Madrid',
        verify: { ok: true, entries: 2, head: 'b'.repeat(64), checkpoints: 0 },
      },
    );
    expect(count).toBe(2);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'łukasz (Personal de',
      '@żółć.nguyễn',
      'name: Ørsted',
      'Київ',
      'Łódź',
      'søren',
    ]) {
      expect(text).toContain(expected);
    }
    // A control character would break the one-line row: it prints as a question mark.
    expect(text).toContain('x?y');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSansMono\b.*yes/);
    expect(fonts).not.toMatch(/Helvetica|Courier/);
  });
});
