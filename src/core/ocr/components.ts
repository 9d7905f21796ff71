import type { GreyImage } from './image-input';

/** A connected blob of ink: a glyph, a merged run of glyphs, a rule or a photo. */
export interface Blob {
  left: number;
  top: number;
  /** Exclusive. */
  right: number;
  /** Exclusive. */
  bottom: number;
  pixels: number;
}

export const blobWidth = (b: Blob): number => b.right - b.left;
export const blobHeight = (b: Blob): number => b.bottom - b.top;

/**
 * 8-connected blobs of dark pixels (below 128), by union-find over horizontal runs: one pass
 * over the mask, memory in proportion to the runs rather than the pixels.
 */
export const findBlobs = (mask: GreyImage): Blob[] => {
  const { width, height, data } = mask;
  const parent: number[] = [];
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    let c = i;
    while (parent[c] !== r) {
      const next = parent[c] ?? r;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // Runs as flat arrays: row, start, end (exclusive), label.
  const runY: number[] = [];
  const runS: number[] = [];
  const runE: number[] = [];
  let prevFirst = 0;
  let prevLast = 0;
  for (let y = 0; y < height; y++) {
    const first = runS.length;
    const row = y * width;
    let above = prevFirst;
    let x = 0;
    while (x < width) {
      if ((data[row + x] ?? 255) >= 128) {
        x++;
        continue;
      }
      const s = x;
      while (x < width && (data[row + x] ?? 255) < 128) x++;
      const id = runS.length;
      runY.push(y);
      runS.push(s);
      runE.push(x);
      parent.push(id);
      // Runs of the row above that touch this one, diagonals included (both rows are sorted).
      while (above < prevLast && (runE[above] ?? 0) < s) above++;
      for (let p = above; p < prevLast && (runS[p] ?? 0) <= x; p++) union(id, p);
    }
    prevFirst = first;
    prevLast = runS.length;
  }
  const byRoot = new Map<number, Blob>();
  for (let i = 0; i < runS.length; i++) {
    const r = find(i);
    const y = runY[i] ?? 0;
    const s = runS[i] ?? 0;
    const e = runE[i] ?? 0;
    const b = byRoot.get(r);
    if (!b) byRoot.set(r, { left: s, right: e, top: y, bottom: y + 1, pixels: e - s });
    else {
      b.left = Math.min(b.left, s);
      b.right = Math.max(b.right, e);
      b.bottom = y + 1;
      b.pixels += e - s;
    }
  }
  return [...byRoot.values()];
};

/**
 * Direction of the text in degrees (-90, 90], clockwise from the image's x axis, from the
 * directions between each glyph and its nearest glyph of similar size: letters on a line
 * sit closer together than lines do, whatever way the card was turned. Null without text.
 */
export const textDirection = (blobs: readonly Blob[]): number | null => {
  const glyphs = blobs
    .map((b) => ({
      x: (b.left + b.right) / 2,
      y: (b.top + b.bottom) / 2,
      size: Math.max(blobWidth(b), blobHeight(b)),
      small: Math.min(blobWidth(b), blobHeight(b)),
    }))
    .filter((g) => g.size >= 5 && g.small >= 2 && g.size <= 80);
  if (glyphs.length < 8) return null;
  // A grid of cells as large as the biggest glyph's search radius keeps the search local.
  const cell = 240;
  const grid = new Map<string, number[]>();
  const key = (cx: number, cy: number): string => `${cx},${cy}`;
  glyphs.forEach((g, i) => {
    const k = key(Math.floor(g.x / cell), Math.floor(g.y / cell));
    grid.set(k, [...(grid.get(k) ?? []), i]);
  });
  const hist = new Float64Array(180);
  glyphs.forEach((g, i) => {
    const cx = Math.floor(g.x / cell);
    const cy = Math.floor(g.y / cell);
    let best = -1;
    let bestD = g.size * 3;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(key(cx + dx, cy + dy)) ?? []) {
          const o = glyphs[j];
          if (!o || j === i) continue;
          const ratio = o.size / g.size;
          if (ratio < 0.6 || ratio > 1.67) continue;
          const d = Math.hypot(o.x - g.x, o.y - g.y);
          if (d < bestD) [best, bestD] = [j, d];
        }
      }
    }
    const o = glyphs[best];
    if (!o) return;
    const deg = (Math.atan2(o.y - g.y, o.x - g.x) * 180) / Math.PI;
    const bin = ((Math.round(deg) % 180) + 180) % 180;
    hist[bin] = (hist[bin] ?? 0) + 1;
  });
  let peak = 0;
  let peakWeight = -1;
  for (let a = 0; a < 180; a++) {
    let w = 0;
    for (let k = -3; k <= 3; k++) w += hist[(a + k + 180) % 180] ?? 0;
    if (w > peakWeight) [peak, peakWeight] = [a, w];
  }
  if (peakWeight < 6) return null;
  // Mean of the doubled angles near the peak: a finer estimate than the 1-degree bins.
  let sx = 0;
  let sy = 0;
  for (let k = -4; k <= 4; k++) {
    const a = (peak + k + 180) % 180;
    const w = hist[a] ?? 0;
    sx += w * Math.cos((a * Math.PI) / 90);
    sy += w * Math.sin((a * Math.PI) / 90);
  }
  const mean = (Math.atan2(sy, sx) * 90) / Math.PI;
  const dir = ((mean % 180) + 180) % 180;
  return dir > 90 ? dir - 180 : dir;
};
