import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 400;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });

describe('file length', () => {
  it(`keeps every source and test file under ${MAX_LINES} lines`, () => {
    const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'tests'))];
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((f) => ({
        file: relative(ROOT, f),
        lines: readFileSync(f, 'utf8').split('\n').length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });
});
