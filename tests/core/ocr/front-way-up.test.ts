import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import { renderFront, withLetter, type FrontHolder } from '../identity/helpers/front-cards';

let service: OcrService;
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-front-way-up-'));
const today = new Date('2026-11-28T00:00:00Z');
beforeAll(() => {
  service = createOcrService({ cacheDir: cache });
});
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

const holder: FrontHolder = {
  surname1: 'SERRANO',
  surname2: 'ORTIZ',
  given: 'INÉS',
  sex: 'F',
  nationality: 'ESP',
  birth: '1984-02-09',
  issue: '2022-03-14',
  expiry: '2032-03-14',
  number: '52418736',
  support: 'CBD318204',
};

/** A stamp printed the other way up across the page below the card, longer than any card line. */
const stamp = (): Buffer =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="90">` +
      `<text x="10" y="60" font-family="DejaVu Sans" font-size="34" fill="#222222">` +
      `REGISTRO DE ENTRADA 2026 AYUNTAMIENTO OFICINA 4</text></svg>`,
  );

describe('a front whose longest line is printed the other way up', () => {
  it('is read the other way up when the probe line misleads', async () => {
    const scan = await renderFront(holder, 'dni4');
    const decoy = await sharp(stamp()).rotate(180).png().toBuffer();
    const page = await sharp(scan)
      .extend({ bottom: 100, background: '#fbfbf9' })
      .composite([{ input: decoy, left: 30, top: 850 }])
      .png()
      .toBuffer();
    // A loaded test machine must not run out of the escalation budget before the second way up.
    const r = await service.readDocument(page, { today, budgetMs: 60_000 });
    expect(r.source).toBe('front');
    expect(r.document).toMatchObject({
      document_number: withLetter(holder.number),
      birth_date: holder.birth,
      expiry_date: holder.expiry,
    });
  }, 120_000);
});
