import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import type { OcrDocument } from '../../../src/shared/contract/ocr';

/**
 * Independent images, not made by our generator: the ICAO 9303 specimens (passport TD3 and
 * card TD2, PNG and JPEG). They live beside the clone, read-only, and are never copied in.
 */
const DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'ocr-specimens');

interface Case {
  file: string;
  format: 'TD1' | 'TD2' | 'TD3';
  mrz: string[];
  expect: Partial<OcrDocument>;
}
const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as { cases: Case[] };

let service: OcrService;
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-specimens-'));
beforeAll(() => {
  service = createOcrService({ cacheDir: cache });
});
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

describe('the shared ICAO specimens, read exactly', () => {
  it('finds the specimens beside the clone', () => {
    expect(truth.cases.map((c) => existsSync(join(DIR, c.file)))).not.toContain(false);
  });

  it.each(truth.cases.map((c) => [c.file, c] as const))(
    '%s',
    async (_file, c) => {
      const result = await service.readDocument(readFileSync(join(DIR, c.file)), {
        today: new Date('2026-12-01T00:00:00Z'),
      });
      expect(result.source).toBe('mrz');
      expect(result.mrz?.format).toBe(c.format);
      expect(result.mrz?.lines).toEqual(c.mrz);
      expect(result.mrz?.valid).toBe(true);
      const got = Object.fromEntries(
        Object.keys(c.expect).map((k) => [k, result.document[k as keyof OcrDocument]]),
      );
      expect(got).toEqual(c.expect);
      // Every field confirmed by a check digit or a second reading: nothing left to the clerk.
      expect(result.uncertain).toEqual([]);
    },
    60_000,
  );
});
