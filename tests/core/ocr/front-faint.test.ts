import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import { renderFront, withLetter, type FrontHolder } from '../identity/helpers/front-cards';

let service: OcrService;
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-front-faint-'));
const today = new Date('2026-11-28T00:00:00Z');
beforeAll(() => {
  service = createOcrService({ cacheDir: cache });
});
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

const holder: FrontHolder = {
  surname1: 'CASTRO',
  surname2: 'VIDAL',
  given: 'TOMÁS',
  sex: 'M',
  nationality: 'ESP',
  birth: '1979-11-23',
  issue: '2021-04-08',
  expiry: '2031-04-08',
  number: '63017482',
  support: 'BKR704152',
};

describe('a worn, faded card front', () => {
  it.each([
    ['sharp', 0],
    ['slightly blurred', 0.8],
  ])(
    'reads a %s scan with its ink at a quarter of its contrast',
    async (_, blur) => {
      // Ink lightened towards the white page: the small grey labels fade first.
      const faded = sharp(await renderFront(holder, 'dni3')).linear(0.25, 255 * 0.75);
      const scan = await (blur > 0 ? faded.blur(blur) : faded).jpeg({ quality: 88 }).toBuffer();
      // A loaded test machine must not run out of the escalation budget before the retry.
      const r = await service.readDocument(scan, { today, budgetMs: 60_000 });
      expect(r.document).toMatchObject({
        document_number: withLetter(holder.number),
        surname1: holder.surname1,
        surname2: holder.surname2,
        given_names: holder.given,
        sex: holder.sex,
        nationality: holder.nationality,
        birth_date: holder.birth,
        expiry_date: holder.expiry,
        support_number: holder.support,
      });
    },
    120_000,
  );
});
