import type { GreyImage } from './image-input';

/** Otsu threshold from a 256-bin histogram of the image. */
export const otsuThreshold = (data: Uint8Array): number => {
  const hist = new Array<number>(256).fill(0);
  for (const v of data) hist[v] = (hist[v] ?? 0) + 1;
  const total = data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * (hist[i] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
};

/** Share of pixels darker than the threshold; a blank page has almost none. */
export const inkShare = (img: GreyImage, threshold: number): number => {
  let dark = 0;
  for (const v of img.data) if (v < threshold) dark++;
  return dark / img.data.length;
};

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Longest run of indices whose value is at least `min`. */
const longestRun = (values: readonly number[], min: number): { start: number; end: number } => {
  let best = { start: 0, end: 0 };
  let start = -1;
  values.forEach((v, i) => {
    if (v >= min && start < 0) start = i;
    if ((v < min || i === values.length - 1) && start >= 0) {
      const end = v >= min ? i + 1 : i;
      if (end - start > best.end - best.start) best = { start, end };
      start = -1;
    }
  });
  return best;
};

/**
 * A light card in a darker, larger frame (a webcam on the counter): the longest run of rows
 * and of columns that are largely brighter than the Otsu threshold. Null when that area is
 * most of the image (a scanner page) or too small to be a card.
 */
export const locateCard = (img: GreyImage): Box | null => {
  const t = otsuThreshold(img.data);
  const cols = new Array<number>(img.width).fill(0);
  const rows = new Array<number>(img.height).fill(0);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if ((img.data[y * img.width + x] ?? 0) > t) {
        cols[x] = (cols[x] ?? 0) + 1 / img.height;
        rows[y] = (rows[y] ?? 0) + 1 / img.width;
      }
    }
  }
  const xs = longestRun(cols, 0.25);
  const ys = longestRun(rows, 0.25);
  const box = {
    left: xs.start,
    top: ys.start,
    width: xs.end - xs.start,
    height: ys.end - ys.start,
  };
  const share = (box.width * box.height) / (img.width * img.height);
  if (share > 0.85 || share < 0.08) return null;
  if (cardEdges(img, box) < 2) return null;
  // A tilted card's corners stick out past the core: the rows and columns that still hold
  // some card are part of it (the MRZ's first column sits in such a corner).
  const x = widen(cols, xs);
  const y = widen(rows, ys);
  return { left: x.start, top: y.start, width: x.end - x.start, height: y.end - y.start };
};

/** Share of the core run's peak below which a row or column holds no more card. */
const CORNER_SHARE = 0.12;

const widen = (
  values: readonly number[],
  run: { start: number; end: number },
): { start: number; end: number } => {
  const floor = Math.max(...values.slice(run.start, run.end)) * CORNER_SHARE;
  let { start, end } = run;
  while (start > 0 && (values[start - 1] ?? 0) >= floor) start--;
  while (end < values.length && (values[end] ?? 0) >= floor) end++;
  return { start, end };
};

/** Mean brightness of a rectangle, clipped to the image. */
const meanOf = (img: GreyImage, x0: number, y0: number, x1: number, y1: number): number => {
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      sum += img.data[y * img.width + x] ?? 0;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
};

/** The step from a card's edge to the background; a lighting gradient has none. */
const MIN_EDGE_STEP = 35;

type Strip = [x0: number, y0: number, x1: number, y1: number];

/**
 * Sides of the box (away from the image border) where the brightness steps down sharply
 * outside it; 0 when any such side lacks the step. A card photographed on a desk has these
 * edges; the shaded half of an unevenly lit scan, or a passport page on the glass, does not.
 */
const cardEdges = (img: GreyImage, b: Box): number => {
  const right = b.left + b.width;
  const bottom = b.top + b.height;
  const sides: Array<[inside: Strip, outside: Strip] | null> = [
    b.left > 5
      ? [
          [b.left + 2, b.top, b.left + 5, bottom],
          [b.left - 5, b.top, b.left - 2, bottom],
        ]
      : null,
    right < img.width - 5
      ? [
          [right - 5, b.top, right - 2, bottom],
          [right + 2, b.top, right + 5, bottom],
        ]
      : null,
    b.top > 5
      ? [
          [b.left, b.top + 2, right, b.top + 5],
          [b.left, b.top - 5, right, b.top - 2],
        ]
      : null,
    bottom < img.height - 5
      ? [
          [b.left, bottom - 5, right, bottom - 2],
          [b.left, bottom + 2, right, bottom + 5],
        ]
      : null,
  ];
  let edges = 0;
  for (const side of sides) {
    if (!side) continue;
    if (meanOf(img, ...side[0]) - meanOf(img, ...side[1]) < MIN_EDGE_STEP) return 0;
    edges++;
  }
  return edges;
};
