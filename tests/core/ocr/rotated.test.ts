import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrResult } from '../../../src/shared/contract/ocr';
import { GENERATED_DIR } from '../../fixtures/cards/generate';
import { useOcrSuite } from './helpers/ocr-suite';

const suite = useOcrSuite('rotated');
const today = new Date('2026-11-28T00:00:00Z');

/** The card turned in the pixels themselves (no EXIF tag to undo it), on a grey desk. */
const turned = (file: string, deg: number): Promise<Buffer> =>
  sharp(readFileSync(join(GENERATED_DIR, file)))
    .rotate(deg, { background: '#8a8a8a' })
    .jpeg({ quality: 90 })
    .toBuffer();

describe('a card photographed at any angle', () => {
  it.each([
    ['dni_back-0-clean.png', 90],
    ['dni_back-0-clean.png', 180],
    ['dni_back-0-clean.png', 270],
    ['dni_back-0-clean.png', 17],
    ['passport-0-clean.png', -35],
    ['tie_back-0-clean.png', 135],
  ])(
    '%s turned %d°',
    async (file, deg) => {
      const result = await suite.service.readDocument(await turned(file, deg), { today });
      expect(result.mrz?.valid).toBe(true);
      const expected = suite.manifest.entries.find((e) => e.file === file)?.expected ?? {};
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      const got = Object.fromEntries(
        Object.keys(expected).map((k) => [k, result.document[k as keyof OcrResult['document']]]),
      );
      expect(got).toEqual(expected);
    },
    60_000,
  );
});

describe('a card small in a large photo', () => {
  it('finds the MRZ when its glyphs are specks at the usual analysis width', async () => {
    const file = 'dni_back-0-clean.png';
    const card = await sharp(readFileSync(join(GENERATED_DIR, file)))
      .resize(600)
      .rotate(8, { background: '#777777' })
      .png()
      .toBuffer();
    const photo = await sharp({
      create: { width: 3200, height: 2400, channels: 3, background: '#777777' },
    })
      .composite([{ input: card, left: 900, top: 700 }])
      .jpeg({ quality: 85 })
      .toBuffer();
    const result = await suite.service.readDocument(photo, { today });
    expect(result.mrz?.valid).toBe(true);
    const expected = suite.manifest.entries.find((e) => e.file === file)?.expected ?? {};
    expect(result.document.document_number).toBe(expected.document_number);
    expect(result.document.surnames).toBe(expected.surnames);
  }, 60_000);
});
