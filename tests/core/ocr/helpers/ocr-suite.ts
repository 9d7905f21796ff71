import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createOcrService, type OcrService } from '../../../../src/core/ocr';
import { ensureFixtures, type Manifest } from '../../../fixtures/cards/generate';

export interface OcrSuite {
  readonly service: OcrService;
  readonly manifest: Manifest;
}

/**
 * One real OCR service for a test file, with its own cache folder, over the first generator's
 * cards (one per kind); closed and removed after the file's tests.
 */
export const useOcrSuite = (name: string): OcrSuite => {
  const cache = mkdtempSync(join(tmpdir(), `ventanilla-ocr-${name}-`));
  let service: OcrService | undefined;
  let manifest: Manifest | undefined;
  beforeAll(async () => {
    manifest = await ensureFixtures(1);
    service = createOcrService({ cacheDir: cache });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    rmSync(cache, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the OCR suite is used before its beforeAll ran');
    return value;
  };
  return {
    get service() {
      return ready(service);
    },
    get manifest() {
      return ready(manifest);
    },
  };
};
