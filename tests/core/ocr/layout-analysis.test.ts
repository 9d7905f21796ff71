import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../src/core/ocr/image-input';
import { locateCard } from '../../../src/core/ocr/layout-analysis';

const image = (w: number, h: number, px: (x: number, y: number) => number): GreyImage => {
  const data = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = px(x, y);
  return { data, width: w, height: h };
};

// Deterministic speckle, enough to make the desk "noisy".
const noise = (x: number, y: number): number => ((x * 7919 + y * 104729) % 41) - 20;

describe('locating a card in a larger frame', () => {
  it('finds a light card on a darker, noisy desk', () => {
    const img = image(320, 180, (x, y) =>
      x >= 80 && x < 240 && y >= 40 && y < 141 ? 235 : 110 + noise(x, y),
    );
    const box = locateCard(img);
    expect(box).not.toBeNull();
    expect(Math.abs((box?.left ?? 0) - 80)).toBeLessThanOrEqual(2);
    expect(Math.abs((box?.width ?? 0) - 160)).toBeLessThanOrEqual(3);
    expect(Math.abs((box?.top ?? 0) - 40)).toBeLessThanOrEqual(2);
  });

  it('keeps the corners of a tilted card, where the first column of its MRZ lies', () => {
    // A 160 x 100 card turned 8 degrees about (160, 110) on a 320 x 220 desk.
    const t = (8 * Math.PI) / 180;
    const onCard = (x: number, y: number): boolean => {
      const u = (x - 160) * Math.cos(t) + (y - 110) * Math.sin(t);
      const v = -(x - 160) * Math.sin(t) + (y - 110) * Math.cos(t);
      return Math.abs(u) <= 80 && Math.abs(v) <= 50;
    };
    const img = image(320, 220, (x, y) => (onCard(x, y) ? 235 : 110 + noise(x, y)));
    let [minX, maxX, minY, maxY] = [320, 0, 220, 0];
    for (let y = 0; y < 220; y++)
      for (let x = 0; x < 320; x++)
        if (onCard(x, y))
          [minX, maxX, minY, maxY] = [
            Math.min(minX, x),
            Math.max(maxX, x),
            Math.min(minY, y),
            Math.max(maxY, y),
          ];
    const box = locateCard(img);
    expect(box).not.toBeNull();
    const b = box ?? { left: 0, top: 0, width: 0, height: 0 };
    expect(b.left).toBeLessThanOrEqual(minX + 3);
    expect(b.top).toBeLessThanOrEqual(minY + 3);
    expect(b.left + b.width).toBeGreaterThanOrEqual(maxX - 3);
    expect(b.top + b.height).toBeGreaterThanOrEqual(maxY - 3);
  });

  it('leaves a scanner page alone: no crop when the light area fills the image', () => {
    expect(locateCard(image(320, 220, (x, y) => (y % 20 < 3 && x % 9 < 5 ? 40 : 245)))).toBeNull();
  });

  it('does not take the lit half of an unevenly lit scan for a card', () => {
    // Light fading smoothly from left to right: no edge, so no card.
    expect(locateCard(image(320, 220, (x) => Math.round(250 - (x / 320) * 140)))).toBeNull();
  });
});
