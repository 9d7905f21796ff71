import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, LINUX_SIZES, makeIcons } from '../../build/make-icons';
import { tempDir } from '../helpers/temp-dir';

const BUILD = resolve(import.meta.dirname, '../../build');

const pixels = async (path: string) =>
  await sharp(path).raw().toBuffer({ resolveWithObject: true });

describe('packaging icons', () => {
  it('are the committed renders of build/icon.svg (run `npx node build/make-icons.js` after editing it)', async () => {
    const fresh = tempDir();
    await makeIcons(join(BUILD, 'icon.svg'), fresh);
    for (const file of ['icon.png', ...LINUX_SIZES.map((s) => `icons/${s}x${s}.png`)]) {
      const [want, have] = await Promise.all([
        pixels(join(fresh, file)),
        pixels(join(BUILD, file)),
      ]);
      expect(have.info.width, file).toBe(want.info.width);
      expect(have.data.equals(want.data), file).toBe(true);
    }
    expect((await sharp(join(BUILD, 'icon.png')).metadata()).width).toBe(1024);
  });

  it('packs every Windows size into icon.ico', async () => {
    const ico = readFileSync(join(BUILD, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBe(ICO_SIZES.length);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + 16 * i;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      const { width, height } = await sharp(png).metadata();
      expect(width).toBe(height);
      expect(ico.readUInt8(entry) || 256).toBe(width);
      sizes.push(width);
    }
    expect(sizes).toEqual([...ICO_SIZES]);
  });
});
