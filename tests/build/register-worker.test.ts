import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(import.meta.dirname, '../../out/main');

describe('the built register-reading worker', () => {
  it('sits next to the desktop and CLI entries that point at it', () => {
    expect(existsSync(resolve(OUT, 'register-import-worker.js'))).toBe(true);
    for (const entry of ['index.js', 'cli.js']) {
      expect(readFileSync(resolve(OUT, entry), 'utf8')).toMatch(
        /new URL\(["']\.\/register-import-worker\.js["'], import\.meta\.url\)/,
      );
    }
  });
});
