import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, snapshotDir } from '../e2e/docs-guard';
import setup from '../e2e/global-setup';
import { tempDir } from '../helpers/temp-dir';

describe('the e2e guard on docs/', () => {
  it('names every file added, removed or rewritten', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.png'), 'a');
    writeFileSync(join(dir, 'b.png'), 'b');
    writeFileSync(join(dir, 'c.png'), 'c');
    const before = snapshotDir(dir);
    writeFileSync(join(dir, 'a.png'), 'a2');
    rmSync(join(dir, 'b.png'));
    writeFileSync(join(dir, 'd.png'), 'd');
    expect(changedFiles(before, snapshotDir(dir))).toEqual(['a.png', 'b.png', 'd.png']);
    expect(changedFiles(before, before)).toEqual([]);
  });

  it('lets the committed docs/ through when nothing touched it', () => {
    // The real guard over the real folder: reading it changes nothing.
    const teardown = setup();
    expect(() => teardown()).not.toThrow();
  });
});
