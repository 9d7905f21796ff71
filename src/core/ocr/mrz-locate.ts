import { blobHeight, blobWidth, type Blob } from './components';

/** A run of glyphs side by side at one height: one printed line, or part of one. */
export interface TextLine {
  blobs: Blob[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Height of the full-size glyphs (capitals and digits). */
  capHeight: number;
  /** Median distance between neighbouring single glyphs. */
  pitch: number;
  /** Share of neighbour distances that fall on the pitch or a multiple of it. */
  regularity: number;
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
  lineCount: number;
  lineHeight: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor(s.length / 2)] ?? 0);
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0);
};
const midY = (b: Blob): number => (b.top + b.bottom) / 2;
const midX = (b: Blob): number => (b.left + b.right) / 2;

interface Chain {
  blobs: Blob[];
  height: number;
  /** Vertical centre of the last full-height glyph. */
  y: number;
}

/**
 * Chains glyph-sized blobs left to right into lines on a levelled mask. A gap of about two
 * glyphs still joins (a faint filler may drop out of the mask); a wider one starts a new line.
 */
export const chainLines = (blobs: readonly Blob[], maxGlyph: number): TextLine[] => {
  const glyphs = blobs
    .filter((b) => blobHeight(b) >= 5 && blobHeight(b) <= maxGlyph && blobWidth(b) >= 1)
    .filter((b) => blobWidth(b) <= blobHeight(b) * 12)
    .sort((a, b) => a.left - b.left);
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const g of glyphs) {
    const h = blobHeight(g);
    let best: Chain | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const c of open) {
      const last = c.blobs.at(-1);
      if (!last) continue;
      const gap = g.left - last.right;
      if (gap > c.height * 2.2 || gap < -c.height * 0.3) continue;
      if (h < c.height * 0.4 || h > c.height * 1.5) continue;
      const dy = Math.abs(midY(g) - c.y);
      if (dy > c.height * 0.35) continue;
      const cost = dy + Math.max(0, gap) * 0.2;
      if (cost < bestCost) [best, bestCost] = [c, cost];
    }
    if (best) {
      best.blobs.push(g);
      if (h >= best.height * 0.8) best.y = midY(g);
      if (best.blobs.length <= 3 || h <= best.height * 1.25) best.height = Math.max(best.height, h);
    } else {
      open.push({ blobs: [g], height: h, y: midY(g) });
    }
    // Lines left far behind cannot grow any more.
    for (let i = open.length - 1; i >= 0; i--) {
      const c = open[i];
      const last = c?.blobs.at(-1);
      if (c && last && g.left - last.right > c.height * 3) {
        done.push(c);
        open.splice(i, 1);
      }
    }
  }
  return [...done, ...open].filter((c) => c.blobs.length >= 3).map(describe);
};

const describe = (c: Chain): TextLine => {
  const heights = c.blobs.map(blobHeight);
  const capHeight = quantile(heights, 0.8);
  const single = c.blobs.filter((b) => blobWidth(b) <= capHeight * 1.2);
  const steps: number[] = [];
  for (let i = 1; i < single.length; i++) {
    const a = single[i - 1];
    const b = single[i];
    if (a && b) steps.push(midX(b) - midX(a));
  }
  const pitch = median(steps.filter((s) => s <= capHeight * 1.6));
  const onPitch =
    pitch > 0
      ? steps.filter((s) => {
          const k = Math.max(1, Math.round(s / pitch));
          return Math.abs(s - k * pitch) <= pitch * 0.15;
        }).length
      : 0;
  return {
    blobs: c.blobs,
    left: Math.min(...c.blobs.map((b) => b.left)),
    right: Math.max(...c.blobs.map((b) => b.right)),
    top: Math.min(...c.blobs.map((b) => b.top)),
    bottom: Math.max(...c.blobs.map((b) => b.bottom)),
    capHeight,
    pitch,
    regularity: steps.length > 0 ? onPitch / steps.length : 0,
  };
};

/** Characters a line would hold at its pitch. */
const charCount = (l: TextLine): number => (l.pitch > 0 ? (l.right - l.left) / l.pitch : 0);

/**
 * OCR-B in a machine-readable zone: fixed pitch a little under the glyph height, glyphs of
 * one height. Proportional text (names, labels) fails the pitch test.
 */
const isMrzLike = (l: TextLine): boolean =>
  l.blobs.length >= 6 &&
  l.pitch >= l.capHeight * 0.55 &&
  l.pitch <= l.capHeight * 1.4 &&
  l.regularity >= 0.6;

export interface MrzLines {
  lines: TextLine[];
  region: Region;
}

/**
 * The MRZ: 2 or 3 parallel fixed-pitch lines, starting at one margin, evenly spaced, the
 * longest holding 24 to 50 characters. Of several candidates the one with the most glyphs.
 */
export const findMrzLines = (
  lines: readonly TextLine[],
  width: number,
  height: number,
): MrzLines | null => {
  const cands = lines.filter(isMrzLike).sort((a, b) => a.top - b.top);
  let best: { group: TextLine[]; score: number } | null = null;
  for (let i = 0; i < cands.length; i++) {
    const first = cands[i];
    if (!first) continue;
    const group = [first];
    for (let j = i + 1; j < cands.length && group.length < 3; j++) {
      const prev = group.at(-1);
      const l = cands[j];
      if (!prev || !l) break;
      const h = Math.max(prev.capHeight, l.capHeight);
      const dy = (l.top + l.bottom) / 2 - (prev.top + prev.bottom) / 2;
      if (dy < h * 0.8) continue;
      if (dy > h * 2.8) break;
      if (Math.min(prev.capHeight, l.capHeight) < h * 0.75) continue;
      // Full-length lines share both margins; a speck at one end (a card edge) moves one.
      if (Math.abs(l.left - first.left) > h * 1.5 && Math.abs(l.right - first.right) > h * 1.5)
        continue;
      if (Math.abs(l.pitch - first.pitch) > first.pitch * 0.15) continue;
      group.push(l);
    }
    if (group.length < 2) continue;
    const longest = Math.max(...group.map(charCount));
    if (longest < 24 || longest > 50) continue;
    // Three lines only in the 30-character card format.
    const chosen = group.length === 3 && longest > 34 ? group.slice(-2) : group;
    const score = chosen.reduce((a, l) => a + l.blobs.length, 0);
    if (!best || score > best.score) best = { group: chosen, score };
  }
  if (!best) return null;
  const group = best.group;
  const lineHeight = median(group.map((l) => l.capHeight));
  const pad = Math.round(lineHeight * 0.8);
  const left = Math.max(0, Math.min(...group.map((l) => l.left)) - pad);
  const right = Math.min(width, Math.max(...group.map((l) => l.right)) + pad);
  const top = Math.max(0, Math.min(...group.map((l) => l.top)) - pad);
  const bottom = Math.min(height, Math.max(...group.map((l) => l.bottom)) + pad);
  return {
    lines: group,
    region: {
      left,
      top,
      width: right - left,
      height: bottom - top,
      lineCount: group.length,
      lineHeight,
    },
  };
};

/**
 * Residual tilt of the MRZ in degrees, from a least-squares fit through the centres of the
 * full-height glyphs of each line: the coarse text direction leaves a fraction of a degree.
 */
export const residualTilt = (lines: readonly TextLine[]): number => {
  let num = 0;
  let den = 0;
  for (const l of lines) {
    const pts = l.blobs
      .filter((b) => blobHeight(b) >= l.capHeight * 0.85)
      .map((b) => ({ x: midX(b), y: midY(b) }));
    if (pts.length < 4) continue;
    const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    for (const p of pts) {
      num += (p.x - mx) * (p.y - my);
      den += (p.x - mx) ** 2;
    }
  }
  return den > 0 ? (Math.atan(num / den) * 180) / Math.PI : 0;
};
