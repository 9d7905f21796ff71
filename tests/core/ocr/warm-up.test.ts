import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';

const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-warm-'));
let service: OcrService;
const today = new Date('2026-11-28T00:00:00Z');

beforeAll(async () => {
  await ensureFixtures(1);
  service = createOcrService({ cacheDir: cache });
}, 120_000);
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

describe('warming the OCR pool at start-up', () => {
  it('starts no worker until asked, then every worker once, without reading an image', async () => {
    expect(service.stats().workersCreated).toBe(0);
    await Promise.all([service.warmUp(), service.warmUp()]);
    expect(service.stats().workersCreated).toBe(3);
    await service.warmUp();
    expect(service.stats().workersCreated).toBe(3);
  }, 120_000);

  it('reads a back and a front after warm-up without creating a worker', async () => {
    const before = service.stats().workersCreated;
    const back = await service.readDocument(
      readFileSync(join(GENERATED_DIR, 'dni_back-0-clean.png')),
      { today },
    );
    const front = await service.readDocument(
      readFileSync(join(GENERATED_DIR, 'dni_front-0-clean.png')),
      { today },
    );
    expect([back.source, front.source]).toEqual(['mrz', 'front']);
    expect(service.stats().workersCreated).toBe(before);
  }, 120_000);
});
