import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { breakLongWords } from '../../../src/core/pdf/long-words';
import { withUnicodeFonts } from '../../../src/core/pdf/unicode-fonts';
import { renderExportPdf } from '../../../src/core/privacy/export-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { privacyExportWith } from './privacy-export-input';

const MEGABYTE = 1024 * 1024;
const ZWSP = '\u200b';
// Generous for a loaded machine; without linear wrapping these take hours, not seconds.
const SLOW_MS = 60_000;

const pdfText = (pdf: Buffer): string => {
  const file = join(tempDir(), 'out.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * MEGABYTE,
  });
};

const pageCount = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('long text in PDFs', () => {
  it('breaks only unbroken runs longer than a line could hold, leaving ordinary text alone', () => {
    const ordinary = 'Ana María de los Ángeles Fernández-Villaverde y Sánchez de la Cuesta';
    expect(breakLongWords(ordinary)).toBe(ordinary);
    expect(breakLongWords('a'.repeat(64))).toBe('a'.repeat(64));
    const broken = breakLongWords(`x ${'b'.repeat(130)} y`);
    expect(broken).toBe(`x ${'b'.repeat(64)}${ZWSP}${'b'.repeat(64)}${ZWSP}bb y`);
    // Astral characters are not cut in half.
    expect(breakLongWords('😀'.repeat(65)).split(ZWSP)).toEqual(['😀'.repeat(64), '😀']);
  });

  it(
    'prints a 1 MB unbroken name in the privacy export: finishes, every character kept',
    async () => {
      const pdf = await renderExportPdf(
        privacyExportWith('A'.repeat(MEGABYTE)),
        'Ayuntamiento',
        'es',
      );
      const text = pdfText(pdf);
      expect(text.match(/A/g)?.length).toBeGreaterThanOrEqual(MEGABYTE);
      // One page holds thousands of characters: the pages grow with the text, not beyond it.
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThan(MEGABYTE / 10_000);
      expect(pages).toBeLessThan(MEGABYTE / 2_000);
    },
    SLOW_MS,
  );

  it(
    'breaks long runs in every core PDF: the fonts helper wraps text()',
    async () => {
      const doc = withUnicodeFonts(new PDFDocument({ size: 'A4', margin: 50 }));
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => doc.on('end', resolve));
      doc.text(`Nombre: ${'Z'.repeat(MEGABYTE)}`);
      doc.end();
      await done;
      expect(pdfText(Buffer.concat(chunks)).match(/Z/g)?.length).toBe(MEGABYTE);
    },
    SLOW_MS,
  );
});
