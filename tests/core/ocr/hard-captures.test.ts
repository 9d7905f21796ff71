import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import {
  ensureSecondFixtures,
  SECOND_DIR,
  type SecondEntry,
} from '../../fixtures/cards-second/index';

/**
 * Captures from the second (independent) generator that the reader once got wrong or gave up
 * on, one per cause: each must now come out with every field right, and any field mended from
 * the second engine's reading flagged for the clerk.
 */
const CASES = {
  // The legacy engine reads the support number's W as H, N or U on every variant.
  blurredBack: 'dni4-back-01-scan-blur.jpg',
  // Its first reading "repairs" N0.. into a wrong number that passes the check digit.
  mendedNumber: 'passport-foreign-04-scan-200.jpg',
  // A tilted card far off in a phone photo: its corner (the MRZ's first column) was cropped.
  tiltedFar: 'tie-back-02-phone-far.jpg',
  // A shaken photo: every M of the names reads as H.
  shakenNames: 'tie-back-03-phone-shake.jpg',
} as const;

const today = new Date('2026-12-04T00:00:00Z');
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-hard-'));
let service: OcrService;
let entries: SecondEntry[] = [];

beforeAll(async () => {
  const wanted = new Set<string>(Object.values(CASES));
  entries = (await ensureSecondFixtures({ only: (f) => wanted.has(f) })).entries;
  service = createOcrService({ cacheDir: cache });
}, 180_000);
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

const readCase = async (file: string) => {
  const entry = entries.find((e) => e.file === file);
  if (!entry?.expected) throw new Error(`${file} is not in the second generator's set`);
  const result = await service.readDocument(readFileSync(join(SECOND_DIR, file)), { today });
  return { result, expected: entry.expected };
};

describe('hard captures from the second generator', () => {
  it('a blurred DNI back: the support number mended from the LSTM reading, and flagged', async () => {
    const { result, expected } = await readCase(CASES.blurredBack);
    expect(result.document).toMatchObject(expected);
    expect(result.uncertain).toContain('support_number');
  }, 60_000);

  it('a passport whose first reading passed its check with a wrong number: a later variant the LSTM agrees with wins', async () => {
    const { result, expected } = await readCase(CASES.mendedNumber);
    expect(result.document).toMatchObject(expected);
    expect(result.uncertain).not.toContain('document_number');
  }, 60_000);

  it('a tilted card far off in a phone photo: the whole MRZ is found', async () => {
    const { result, expected } = await readCase(CASES.tiltedFar);
    expect(result.document).toMatchObject(expected);
  }, 60_000);

  it('a shaken photo: the names spelt as the LSTM engine reads them, and flagged', async () => {
    const { result, expected } = await readCase(CASES.shakenNames);
    expect(result.document).toMatchObject(expected);
    expect(result.uncertain).toEqual(expect.arrayContaining(['surnames', 'given_names']));
  }, 60_000);
});
