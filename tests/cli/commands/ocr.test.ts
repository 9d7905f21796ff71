import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrFileLine } from '../../../src/shared/contract/ocr';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';
import { runCliCaptured } from '../../helpers/run-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-cli-ocr-'));
beforeAll(() => ensureFixtures(1), 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (args: string[]) => runCliCaptured(['--data-dir', dataDir, ...args]);

describe('ventanilla ocr', () => {
  it('prints one JSON line per file, in order, and exits 0 even when a file is not a document', async () => {
    const files = ['dni_back-0-clean.png', 'neg-truncated.png', 'neg-blank.png'].map((f) =>
      join(GENERATED_DIR, f),
    );
    const { code, out } = await run(['ocr', ...files, '--json']);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => OcrFileLine.parse(JSON.parse(l)));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines.map((l) => l.ok)).toEqual([true, false, false]);
    const [first, second] = lines;
    if (first?.ok) expect(first.document.document_type).toBe('DNI');
    if (second && !second.ok) expect(second.error.code).toBe('corrupt_image');
  }, 120_000);

  it('prints a short human summary without --json', async () => {
    const { code, out } = await run(['ocr', join(GENERATED_DIR, 'neg-tiny.png')]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).not.toMatch(/\bat \S+:\d+/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['ocr'])).code).toBe(2);
  });
});
