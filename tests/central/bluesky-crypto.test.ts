import { chmodSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blueskyKey, seal, unseal } from '../../src/central/bluesky/crypto';
import { tempDir } from '../helpers/temp-dir';

describe('the town’s sealed app password', () => {
  it('opens with its full tag, and not with a shortened one', () => {
    const key = randomBytes(32);
    const sealed = seal(key, 'app-pass-word');
    expect(unseal(key, sealed)).toBe('app-pass-word');
    const [iv, tag, body] = sealed.split('.');
    const short = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => unseal(key, [iv, short, body].join('.'))).toThrow();
  });

  it('a bluesky.key others can read is refused, not used', () => {
    const dir = tempDir();
    const first = blueskyKey(dir);
    expect(blueskyKey(dir).equals(first)).toBe(true);
    chmodSync(join(dir, 'bluesky.key'), 0o644);
    expect(() => blueskyKey(dir)).toThrow(
      expect.objectContaining({
        code: 'key_file_too_open',
        params: expect.objectContaining({ mode: '644' }),
      }),
    );
  });

  it('a bluesky.key of the wrong size is refused as damaged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bluesky.key'), randomBytes(16), { mode: 0o600 });
    expect(() => blueskyKey(dir)).toThrow(expect.objectContaining({ code: 'key_file_corrupt' }));
  });
});
