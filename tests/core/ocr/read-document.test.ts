import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OcrResult } from '../../../src/shared/contract/ocr';
import { AppError } from '../../../src/shared/errors';
import { GENERATED_DIR } from '../../fixtures/cards/generate';
import { useOcrSuite } from './helpers/ocr-suite';

const suite = useOcrSuite('test');
const today = new Date('2026-11-28T00:00:00Z');

const bytesOf = (file: string): Buffer => readFileSync(join(GENERATED_DIR, file));

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    return e instanceof AppError ? e.code : `unexpected ${String(e)}`;
  }
};

// A representative sample; the full sweep over every degradation is `npm run bench -- ocr`.
const SAMPLE = [
  'dni_back-0-clean.png',
  'dni_back-0-rotated.tiff',
  'tie_back-0-salt_pepper.png',
  'tie_back-0-uneven_light.bmp',
  'passport-0-jpeg.jpg',
  'passport-0-dpi150.png',
];

describe('reading scanned cards', () => {
  it.each(SAMPLE)(
    'reads %s with every expected field right',
    async (file) => {
      const entry = suite.manifest.entries.find((e) => e.file === file);
      const result = await suite.service.readDocument(bytesOf(file), { today });
      expect(OcrResult.parse(result)).toBeTruthy();
      expect(result.mrz?.valid).toBe(true);
      expect(result.source).toBe('mrz');
      for (const [key, value] of Object.entries(entry?.expected ?? {})) {
        expect({ [key]: result.document[key as keyof typeof result.document] }).toEqual({
          [key]: value,
        });
      }
    },
    60_000,
  );

  it('reads a DNI front with its accents', async () => {
    const result = await suite.service.readDocument(bytesOf('dni_front-0-clean.png'), { today });
    const expected =
      suite.manifest.entries.find((e) => e.file === 'dni_front-0-clean.png')?.expected ?? {};
    expect(result.source).toBe('front');
    expect(result.document.document_number).toBe(expected.document_number);
    expect(result.document.surname1).toBe(expected.surname1);
    expect(result.document.given_names).toBe(expected.given_names);
  }, 60_000);
});

describe('error codes', () => {
  it.each([
    ['neg-text.png', 'unsupported_file'],
    ['neg-truncated.png', 'corrupt_image'],
    ['neg-tiny.png', 'too_small'],
    ['neg-blank.png', 'no_document'],
    ['neg-receipt.png', 'no_document'],
    ['neg-broken-check.png', 'mrz_check_failed'],
  ])(
    '%s -> %s',
    async (file, code) => {
      expect(await codeOf(suite.service.readDocument(bytesOf(file), { today }))).toBe(code);
    },
    60_000,
  );

  it('refuses a 60-megapixel image before decoding it', async () => {
    const huge = await sharp({
      create: { width: 8000, height: 7500, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    expect(await codeOf(suite.service.readDocument(huge))).toBe('too_large');
  }, 60_000);

  it('cancels a reading that overruns its time limit, and the next reading still works', async () => {
    const bytes = bytesOf('passport-0-clean.png');
    expect(await codeOf(suite.service.readDocument(bytes, { timeoutMs: 1 }))).toBe('ocr_timeout');
    expect((await suite.service.readDocument(bytes, { today })).mrz?.valid).toBe(true);
  }, 90_000);

  it('identifies images by their bytes, not their names', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    expect(await codeOf(suite.service.readDocument(pdf))).toBe('unsupported_file');
  });
});
