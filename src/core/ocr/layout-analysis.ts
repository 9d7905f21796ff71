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

/**
 * Skew angle in degrees that maximises the variance of row projections of dark pixels
 * (text lines become sharp peaks when level). Runs on a small binarised copy.
 */
export const estimateSkew = (img: GreyImage, threshold: number, maxDeg = 7): number => {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if ((img.data[y * img.width + x] ?? 255) < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return 0;
  const bins = new Float64Array(img.height * 2 + img.width);
  const offset = img.width;
  const varianceAt = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const row = Math.round((ys[i] ?? 0) - (xs[i] ?? 0) * t) + offset;
      bins[row] = (bins[row] ?? 0) + 1;
    }
    let sum = 0;
    let sq = 0;
    for (const b of bins) {
      sum += b;
      sq += b * b;
    }
    return sq / bins.length - (sum / bins.length) ** 2;
  };
  let best = 0;
  let bestVar = -1;
  for (let deg = -maxDeg; deg <= maxDeg; deg += 0.5) {
    const v = varianceAt(deg);
    if (v > bestVar) [best, bestVar] = [deg, v];
  }
  const coarse = best;
  for (let deg = coarse - 0.4; deg <= coarse + 0.4; deg += 0.1) {
    const v = varianceAt(deg);
    if (v > bestVar) [best, bestVar] = [deg, v];
  }
  return best;
};

export interface Band {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Runs of inked columns: roughly the number of glyphs on the line. */
  glyphs: number;
}

/** Text lines from the horizontal projection of a binarised, deskewed image. */
export const findBands = (img: GreyImage, threshold: number): Band[] => {
  const { width, height, data } = img;
  const rows = new Array<number>(height).fill(0);
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) if ((data[y * width + x] ?? 255) < threshold) n++;
    rows[y] = n;
  }
  // A row belongs to a line when it holds more ink than scattered noise would give.
  const minInk = Math.max(3, width * 0.004);
  const bands: Band[] = [];
  let y = 0;
  while (y < height) {
    if ((rows[y] ?? 0) < minInk) {
      y++;
      continue;
    }
    const top = y;
    while (y < height && (rows[y] ?? 0) >= minInk) y++;
    const bottom = y;
    if (bottom - top < Math.max(4, height * 0.008)) continue;
    const cols = new Array<number>(width).fill(0);
    for (let yy = top; yy < bottom; yy++) {
      for (let x = 0; x < width; x++)
        if ((data[yy * width + x] ?? 255) < threshold) cols[x] = (cols[x] ?? 0) + 1;
    }
    // Two or more inked pixels in a column: a lone speck of noise does not extend the line.
    const minCol = Math.max(2, (bottom - top) * 0.08);
    let left = -1;
    let right = -1;
    let glyphs = 0;
    let inRun = false;
    for (let x = 0; x < width; x++) {
      const inked = (cols[x] ?? 0) >= minCol;
      if (inked && !inRun) glyphs++;
      if (inked) {
        if (left < 0) left = x;
        right = x;
      }
      inRun = inked;
    }
    if (left >= 0) bands.push({ top, bottom, left, right: right + 1, glyphs });
  }
  return bands;
};

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
  lineCount: number;
  lineHeight: number;
}

/**
 * The MRZ is the lowest group of 2 or 3 evenly spaced lines, each with many glyphs at a
 * steady pitch (fillers `<` count as glyphs), of similar width.
 */
export const locateMrz = (bands: Band[], imgW: number, imgH: number): Region | null => {
  const isMrzLine = (b: Band): boolean => {
    const w = b.right - b.left;
    const h = b.bottom - b.top;
    return b.glyphs >= 18 && w > h * 12 && w / b.glyphs < h * 1.6;
  };
  for (let i = bands.length - 1; i >= 1; i--) {
    const group: Band[] = [];
    for (let j = i; j >= 0 && group.length < 3; j--) {
      const b = bands[j];
      if (!b || !isMrzLine(b)) break;
      const prev = group.at(-1);
      if (prev) {
        const h = prev.bottom - prev.top;
        if (prev.top - b.bottom > h * 1.6) break;
        if (Math.abs(b.right - b.left - (prev.right - prev.left)) > (prev.right - prev.left) * 0.4)
          break;
      }
      group.push(b);
    }
    if (group.length >= 2) {
      const lines = group.reverse();
      const first = lines[0];
      const last = lines.at(-1);
      if (!first || !last) continue;
      const lineHeight = Math.max(...lines.map((b) => b.bottom - b.top));
      const pad = Math.round(lineHeight * 0.8);
      const left = Math.max(0, Math.min(...lines.map((b) => b.left)) - pad);
      const right = Math.min(imgW, Math.max(...lines.map((b) => b.right)) + pad);
      const top = Math.max(0, first.top - pad);
      const bottom = Math.min(imgH, last.bottom + pad);
      return {
        left,
        top,
        width: right - left,
        height: bottom - top,
        lineCount: lines.length,
        lineHeight,
      };
    }
  }
  return null;
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
  return cardEdges(img, box) >= 2 ? box : null;
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
