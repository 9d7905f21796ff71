import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrResult } from '../../../src/shared/contract/ocr';
import { AppError } from '../../../src/shared/errors';
import { translateError } from '../../../src/shared/i18n';
import { GENERATED_DIR } from '../../fixtures/cards/generate';
import { webcamFrame } from '../../fixtures/cards/webcam';
import { useOcrSuite } from './helpers/ocr-suite';

const suite = useOcrSuite('gaps');
const today = new Date('2026-11-28T00:00:00Z');

const scan = (file: string): Buffer => readFileSync(join(GENERATED_DIR, file));
const expectedOf = (file: string): Record<string, string | null> =>
  suite.manifest.entries.find((e) => e.file === file)?.expected ?? {};

/** Expected fields the reading got wrong and did not flag for the clerk. */
const silentlyWrong = (result: OcrResult, file: string): string[] =>
  Object.entries(expectedOf(file))
    .filter(([k, v]) => result.document[k as keyof OcrResult['document']] !== v)
    .map(([k]) => k)
    .filter((k) => !(result.uncertain as string[]).includes(k));

describe('a phone or camera photo with an EXIF orientation tag', () => {
  it.each([
    [90, 8],
    [180, 3],
    [270, 6],
  ])(
    'reads a card stored turned %d° with orientation %d',
    async (deg, orientation) => {
      const file = 'dni_back-0-clean.png';
      const bytes = await sharp(scan(file))
        .rotate(deg)
        .withMetadata({ orientation })
        .jpeg({ quality: 90 })
        .toBuffer();
      const result = await suite.service.readDocument(bytes, { today });
      expect(result.mrz?.valid).toBe(true);
      for (const [key, value] of Object.entries(expectedOf(file))) {
        expect({ [key]: result.document[key as keyof OcrResult['document']] }).toEqual({
          [key]: value,
        });
      }
    },
    60_000,
  );
});

describe('a webcam frame: the card small in a larger, noisy JPEG', () => {
  it.each([
    ['dni_back-0-clean.png', 1920, 0.55],
    ['tie_back-0-clean.png', 1280, 0.7],
    ['passport-0-clean.png', 1920, 0.6],
  ])(
    'reads %s in a %d px frame, every field right or flagged',
    async (file, frameWidth, cardShare) => {
      const bytes = await webcamFrame(scan(file), { frameWidth, cardShare, seed: 7 });
      const result = await suite.service.readDocument(bytes, { today });
      expect(result.source).toBe('mrz');
      expect(result.mrz?.valid).toBe(true);
      expect(silentlyWrong(result, file)).toEqual([]);
    },
    60_000,
  );
});

describe('refused images keep their translated errors', () => {
  const codeAndTexts = async (bytes: Buffer) => {
    try {
      await suite.service.readDocument(bytes, { today });
      return null;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const shape = e.toShape();
      return { code: e.code, es: translateError('es', shape), en: translateError('en', shape) };
    }
  };

  it.each([
    [
      'a 60-megapixel image',
      () =>
        sharp({ create: { width: 8000, height: 7500, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
      'too_large',
    ],
    [
      'a 10×10 image',
      () =>
        sharp({ create: { width: 10, height: 10, channels: 3, background: '#888' } })
          .png()
          .toBuffer(),
      'too_small',
    ],
    [
      'a truncated PNG',
      async () => {
        const png = scan('dni_back-0-clean.png');
        return png.subarray(0, Math.floor(png.length / 2));
      },
      'corrupt_image',
    ],
  ])(
    '%s -> %s, in Spanish and English',
    async (_what, make, code) => {
      const out = await codeAndTexts(await make());
      expect(out?.code).toBe(code);
      for (const text of [out?.es ?? '', out?.en ?? '']) {
        expect(text).not.toMatch(/^errors\.|\{\{/);
        expect(text.length).toBeGreaterThan(20);
      }
      expect(out?.es).not.toBe(out?.en);
    },
    60_000,
  );
});
