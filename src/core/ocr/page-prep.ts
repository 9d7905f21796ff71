import sharp, { type Sharp } from 'sharp';
import { findBlobs, textDirection } from './components';
import { LIMITS, type GreyImage } from './image-input';
import { inkShare, locateCard, otsuThreshold, type Box } from './layout-analysis';
import {
  chainLines,
  findMrzLines,
  median,
  residualTilt,
  type MrzLines,
  type Region,
  type TextLine,
} from './mrz-locate';

const raw = async (img: Sharp): Promise<GreyImage> => {
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

const fromGrey = (img: GreyImage): Sharp =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } });

/** Analysis runs at this width: enough for line finding, cheap for the pixel loops. */
const ANALYSIS_WIDTH = 900;

export interface PreparedPage {
  /** Levelled (text horizontal, either way up) greyscale at full resolution. */
  page: GreyImage;
  /** Clockwise rotation applied to level it, in degrees. */
  angle: number;
  /** The machine-readable zone on `page`, found by its shape, or null. */
  mrz: Region | null;
  /** The longest text line on `page`: reading it both ways up tells which way is up. */
  probe: Box | null;
  /** False for a blank or nearly blank page: no OCR is worth running. */
  hasText: boolean;
  /** Glyph-sized blobs on text lines: a card side holds a few hundred, a page of text thousands. */
  glyphs: number;
}

/**
 * Ink mask by local contrast: a pixel is ink when clearly darker than its blurred
 * surroundings. Unlike one global threshold this survives scanner shading and low contrast.
 */
const inkMask = async (grey: GreyImage, width: number): Promise<GreyImage> => {
  const small = await raw(fromGrey(grey).resize(width).median(3));
  const bg = await raw(fromGrey(small).blur(10));
  const mask = Buffer.alloc(small.data.length, 255);
  for (let i = 0; i < mask.length; i++) {
    if ((small.data[i] ?? 255) < (bg.data[i] ?? 0) - 18) mask[i] = 0;
  }
  return { data: mask, width: small.width, height: small.height };
};

/** Card locating runs at this width, on a blurred copy: background noise averages out. */
const LOCATE_WIDTH = 320;

/**
 * Crops a card that fills only part of a larger frame (webcam), slightly inside its edges:
 * any strip of the noisy background left in would join every text line into one.
 */
const cropToCard = async (grey: GreyImage): Promise<GreyImage> => {
  const small = await raw(fromGrey(grey).resize(LOCATE_WIDTH).blur(2));
  const box = locateCard(small);
  if (!box) return grey;
  const k = grey.width / small.width;
  const margin = -Math.round(Math.max(box.width, box.height) * k * 0.01);
  const left = Math.max(0, Math.round(box.left * k) - margin);
  const top = Math.max(0, Math.round(box.top * k) - margin);
  const width = Math.min(grey.width - left, Math.round(box.width * k) + 2 * margin);
  const height = Math.min(grey.height - top, Math.round(box.height * k) + 2 * margin);
  if (width < LIMITS.minSide || height < LIMITS.minSide) return grey;
  return raw(fromGrey(grey).extract({ left, top, width, height }));
};

const rotated = async (img: GreyImage, deg: number): Promise<GreyImage> =>
  Math.abs(deg) < 0.05 ? img : raw(fromGrey(img).rotate(deg, { background: '#ffffff' }));

/**
 * A point of the levelled analysis mask on the full-resolution page: scaled by `k` about the
 * centre, then turned by the residual tilt (both rotations are about the image centre).
 */
const toPage = (
  x: number,
  y: number,
  from: { width: number; height: number },
  to: { width: number; height: number },
  k: number,
  tiltDeg: number,
): [number, number] => {
  const t = (tiltDeg * Math.PI) / 180;
  const dx = (x - from.width / 2) * k;
  const dy = (y - from.height / 2) * k;
  return [
    dx * Math.cos(t) - dy * Math.sin(t) + to.width / 2,
    dx * Math.sin(t) + dy * Math.cos(t) + to.height / 2,
  ];
};

interface Analysis {
  mask: GreyImage;
  direction: number;
  levelMask: GreyImage;
  lines: TextLine[];
  found: MrzLines | null;
}

/**
 * Finds the text direction at any angle from the glyphs themselves, levels the page, and
 * finds the MRZ by its shape (2 or 3 fixed-pitch lines), wherever it lies on the image.
 */
const analyse = async (grey: GreyImage, width: number): Promise<Analysis | null> => {
  const mask = await inkMask(grey, width);
  if (inkShare(mask, 128) < 0.003) return null;
  const direction = textDirection(findBlobs(mask)) ?? 0;
  const levelMask = await rotated(mask, -direction);
  const lines = chainLines(findBlobs(levelMask), Math.max(12, levelMask.height / 6));
  if (lines.length === 0) return null;
  const found = findMrzLines(lines, levelMask.width, levelMask.height);
  return { mask, direction, levelMask, lines, found };
};

/** A document small in a large photo: its MRZ glyphs are specks at the analysis width. */
const FINE_ANALYSIS_WIDTH = 1800;
/** Below this typical glyph height (px at the analysis width) an MRZ may go unseen. */
const SMALL_GLYPH = 9;

const smallText = (a: Analysis | null): boolean => {
  if (!a) return true;
  return median(a.lines.map((l) => l.capHeight)) < SMALL_GLYPH;
};

export const preparePage = async (frame: GreyImage): Promise<PreparedPage> => {
  const grey = await cropToCard(frame);
  const blank = { page: grey, angle: 0, mrz: null, probe: null, hasText: false, glyphs: 0 };
  let analysis = await analyse(grey, Math.min(grey.width, ANALYSIS_WIDTH));
  if (!analysis?.found && grey.width >= FINE_ANALYSIS_WIDTH && smallText(analysis)) {
    const fine = await analyse(grey, FINE_ANALYSIS_WIDTH);
    if (fine && (fine.found || !analysis)) analysis = fine;
  }
  if (!analysis) return blank;
  const { mask, direction, levelMask, lines, found } = analysis;
  const glyphs = lines.reduce((a, l) => a + l.blobs.length, 0);
  // A fraction of a degree is not worth turning the full image for: the engine copes.
  const wanted = -direction + (found ? -residualTilt(found.lines) : 0);
  const angle = Math.abs(wanted) < 0.2 ? 0 : wanted;
  const tilt = angle + direction;
  const page = await rotated(grey, angle);
  const k = grey.width / mask.width;
  /** A box of the levelled mask as the box around it on the full-resolution page. */
  const onPage = (b: Box): Box => {
    const corners = [
      toPage(b.left, b.top, levelMask, page, k, tilt),
      toPage(b.left + b.width, b.top, levelMask, page, k, tilt),
      toPage(b.left, b.top + b.height, levelMask, page, k, tilt),
      toPage(b.left + b.width, b.top + b.height, levelMask, page, k, tilt),
    ];
    const left = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))));
    const top = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))));
    const right = Math.min(page.width, Math.ceil(Math.max(...corners.map((c) => c[0]))));
    const bottom = Math.min(page.height, Math.ceil(Math.max(...corners.map((c) => c[1]))));
    return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
  };
  const longest = [...lines].sort((a, b) => b.blobs.length - a.blobs.length)[0];
  const probe =
    longest && longest.blobs.length >= 6
      ? onPage({
          left: Math.max(0, longest.left - longest.capHeight),
          top: Math.max(0, longest.top - longest.capHeight * 0.5),
          width: longest.right - longest.left + 2 * longest.capHeight,
          height: longest.bottom - longest.top + longest.capHeight,
        })
      : null;
  const r = found?.region;
  const mrz = r ? { ...onPage(r), lineCount: r.lineCount, lineHeight: r.lineHeight * k } : null;
  return { page, angle, mrz, probe, hasText: true, glyphs };
};

const turnBox = (b: Box, page: { width: number; height: number }): Box => ({
  left: page.width - b.left - b.width,
  top: page.height - b.top - b.height,
  width: b.width,
  height: b.height,
});

/** The same page turned upside down: the text direction alone cannot tell 0° from 180°. */
export const flipPage = async (p: PreparedPage): Promise<PreparedPage> => {
  const page = await raw(fromGrey(p.page).rotate(180));
  const m = p.mrz;
  return {
    ...p,
    page,
    angle: p.angle + 180,
    mrz: m && { ...m, ...turnBox(m, page) },
    probe: p.probe && turnBox(p.probe, page),
  };
};

export type MrzVariant = 'otsu' | 'dark30' | 'dark45_median5' | 'grey' | 'upscale_dark20';

/** Glyph height that the legacy engine reads best on OCR-B (measured on the fixtures). */
const TARGET_LINE_HEIGHT = 34;

/** Crops the MRZ band, scales it to a good glyph height and binarises it one way. */
export const mrzVariant = async (
  p: PreparedPage,
  variant: MrzVariant,
  /** Only one of the band's lines, e.g. the name line for a second opinion. */
  line?: { index: number; count: number },
): Promise<Buffer> => {
  const band = p.mrz;
  if (!band) throw new Error('no MRZ region');
  const sliceH = line ? Math.floor(band.height / line.count) : band.height;
  const region = line ? { ...band, top: band.top + line.index * sliceH, height: sliceH } : band;
  const targetH = variant === 'upscale_dark20' ? TARGET_LINE_HEIGHT * 1.3 : TARGET_LINE_HEIGHT;
  const scale = targetH / Math.max(1, region.lineHeight);
  const crop = await raw(
    fromGrey(p.page)
      .extract({ left: region.left, top: region.top, width: region.width, height: region.height })
      .resize(Math.round(region.width * scale), Math.round(region.height * scale), {
        kernel: 'lanczos3',
      })
      .normalise(),
  );
  let img = fromGrey(crop);
  const otsu = otsuThreshold(crop.data);
  switch (variant) {
    case 'otsu':
      img = img.median(3).threshold(otsu);
      break;
    case 'dark30':
      img = img.threshold(Math.max(1, otsu - 30));
      break;
    case 'dark45_median5':
      img = img.median(5).threshold(Math.max(1, otsu - 45));
      break;
    case 'upscale_dark20':
      img = img.threshold(Math.max(1, otsu - 20));
      break;
    case 'grey':
      break;
  }
  return img
    .toColourspace('b-w')
    .extend({ top: 20, bottom: 20, left: 20, right: 20, background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer();
};

/** Below this share of the local background brightness a pixel is ink (keeps faint print). */
const FRONT_INK_RATIO = 0.8;
/** On a faint page (a worn card, a pale scan) the cut rises to this, so small labels survive. */
const FAINT_INK_RATIO = 0.88;
/** The darkest share of pixels, whose ratio to the background tells how dark the ink is. */
const DARKEST_SHARE = 0.005;

/**
 * The cut for a page whose darkest ink is faint: ratios of the darkest pixels around 0.1-0.4
 * on a good scan keep the usual cut; bold values at two thirds of the background mean the
 * small labels sit just below it, and the cut rises with them.
 */
const inkCut = (img: GreyImage, bg: GreyImage): number => {
  const ratios: number[] = [];
  for (let i = 0; i < img.data.length; i += 7) {
    ratios.push((img.data[i] ?? 255) / Math.max(1, bg.data[i] ?? 255));
  }
  ratios.sort((a, b) => a - b);
  const darkest = ratios[Math.floor(ratios.length * DARKEST_SHARE)] ?? 0;
  return Math.min(FAINT_INK_RATIO, Math.max(FRONT_INK_RATIO, 0.8 + (darkest - 0.5) * 0.4));
};

/**
 * The front side for the text engine: each pixel divided by its blurred surroundings, then
 * thresholded. Shading and low contrast cancel out; the card's pale guilloche drops away.
 * `faint`: the cut follows how dark the page's ink is (for a second reading of a doubtful one).
 */
export const frontImage = async (
  p: PreparedPage,
  width: number,
  opts: { faint?: boolean } = {},
): Promise<Buffer> => {
  const img = await raw(fromGrey(p.page).resize(width).median(3));
  const bg = await raw(fromGrey(img).blur(15));
  const cut = opts.faint ? inkCut(img, bg) : FRONT_INK_RATIO;
  const out = Buffer.alloc(img.data.length, 255);
  for (let i = 0; i < out.length; i++) {
    if ((img.data[i] ?? 255) < Math.max(1, bg.data[i] ?? 255) * cut) out[i] = 0;
  }
  return fromGrey({ data: out, width: img.width, height: img.height })
    .png({ compressionLevel: 1 })
    .toBuffer();
};

/** The probe line, upright or turned, scaled so its glyphs are about 30 px high. */
export const probeImage = async (p: PreparedPage, turned: boolean): Promise<Buffer | null> => {
  const b = p.probe;
  if (!b) return null;
  const scale = Math.min(3, 60 / Math.max(1, b.height));
  return fromGrey(p.page)
    .extract(b)
    .resize(Math.round(b.width * scale), Math.round(b.height * scale))
    .rotate(turned ? 180 : 0)
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
};
