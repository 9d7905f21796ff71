import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcrService, sniffFormat, watchScannerFolder } from '../../../src/core/ocr';
import type { OcrResult } from '../../../src/shared/contract/ocr';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';

const base = mkdtempSync(join(tmpdir(), 'ventanilla-privacy-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file under `dir` whose bytes are an image, whatever its name. */
const imagesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && sniffFormat(readFileSync(f)) !== null);

const waitFor = async (cond: () => boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

describe('privacy: no ID image is left behind', () => {
  it('reads a scanned file from the watched folder, deletes it, and stores no image', async () => {
    await ensureFixtures(1);
    const scans = join(base, 'scans');
    const dataDir = join(base, 'data');
    mkdirSync(scans, { recursive: true });
    mkdirSync(dataDir, { recursive: true });
    const service = createOcrService({ cacheDir: join(dataDir, 'ocr-cache') });
    const results: OcrResult[] = [];
    const watcher = watchScannerFolder({
      dir: scans,
      retentionMs: 0,
      stableMs: 300,
      onDocument: async (_file, bytes) => {
        results.push(await service.readDocument(bytes));
      },
    });
    await watcher.ready;
    const target = join(scans, 'scan0001.tif');
    copyFileSync(join(GENERATED_DIR, 'dni_back-0-rotated.tiff'), target);
    await waitFor(() => results.length > 0 && !existsSync(target), 60_000);
    await watcher.close();
    await service.close();
    expect(results[0]?.document.document_type).toBe('DNI');
    expect(existsSync(target)).toBe(false);
    expect(imagesUnder(scans)).toEqual([]);
    expect(imagesUnder(dataDir)).toEqual([]);
  }, 90_000);

  it('keeps a file for the retention window, then deletes it (also when the watcher closes)', async () => {
    const scans = join(base, 'scans-retain');
    mkdirSync(scans, { recursive: true });
    const seen: string[] = [];
    const watcher = watchScannerFolder({
      dir: scans,
      retentionMs: 60_000,
      stableMs: 200,
      onDocument: (f) => void seen.push(f),
    });
    await watcher.ready;
    const target = join(scans, 'scan0002.png');
    copyFileSync(join(GENERATED_DIR, 'neg-tiny.png'), target);
    await waitFor(() => seen.length > 0, 10_000);
    expect(existsSync(target)).toBe(true);
    await watcher.close();
    expect(existsSync(target)).toBe(false);
  }, 30_000);
});
