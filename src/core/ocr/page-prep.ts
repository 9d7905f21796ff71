import sharp, { type Sharp } from 'sharp';
import { LIMITS, type GreyImage } from './image-input';
import {
  estimateSkew,
  findBands,
  inkShare,
  locateCard,
  locateMrz,
  otsuThreshold,
  type Band,
  type Region,
} from './layout-analysis';

const raw = async (img: Sharp): Promise<GreyImage> => {
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

export const fromGrey = (img: GreyImage): Sharp =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } });

/** Analysis runs at this width: enough for line finding, cheap for the pixel loops. */
const ANALYSIS_WIDTH = 900;

export interface PreparedPage {
  /** Deskewed, median-filtered greyscale at full resolution. */
  page: GreyImage;
  angle: number;
  /** Text lines at full-resolution coordinates. */
  bands: Band[];
  mrz: Region | null;
  /** False for a blank or nearly blank page: no OCR is worth running. */
  hasText: boolean;
}

const scaleBand = (b: Band, k: number): Band => ({
  top: Math.round(b.top * k),
  bottom: Math.round(b.bottom * k),
  left: Math.round(b.left * k),
  right: Math.round(b.right * k),
  glyphs: b.glyphs,
});

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

/** Levels the page (projection-variance deskew) and finds its text lines and MRZ band. */
export const preparePage = async (frame: GreyImage): Promise<PreparedPage> => {
  const grey = await cropToCard(frame);
  const smallW = Math.min(grey.width, ANALYSIS_WIDTH);
  const mask = await inkMask(grey, smallW);
  if (inkShare(mask, 128) < 0.003) {
    return { page: grey, angle: 0, bands: [], mrz: null, hasText: false };
  }
  const angle = estimateSkew(mask, 128);
  const level = (img: Sharp): Sharp =>
    Math.abs(angle) < 0.05 ? img : img.rotate(-angle, { background: '#ffffff' });
  const page = Math.abs(angle) < 0.05 ? grey : await raw(level(fromGrey(grey)));
  const levelMask = Math.abs(angle) < 0.05 ? mask : await raw(level(fromGrey(mask)));
  const bandsSmall = findBands(levelMask, 128);
  const f = page.width / levelMask.width;
  const bands = bandsSmall.map((b) => scaleBand(b, f));
  const mrzSmall = locateMrz(bandsSmall, levelMask.width, levelMask.height);
  const mrz = mrzSmall
    ? {
        left: Math.round(mrzSmall.left * f),
        top: Math.round(mrzSmall.top * f),
        width: Math.min(page.width - Math.round(mrzSmall.left * f), Math.round(mrzSmall.width * f)),
        height: Math.min(
          page.height - Math.round(mrzSmall.top * f),
          Math.round(mrzSmall.height * f),
        ),
        lineCount: mrzSmall.lineCount,
        lineHeight: mrzSmall.lineHeight * f,
      }
    : null;
  return { page, angle, bands, mrz, hasText: bands.length > 0 };
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

/**
 * The front side for the text engine: each pixel divided by its blurred surroundings, then
 * thresholded. Shading and low contrast cancel out; the card's pale guilloche drops away.
 */
export const frontImage = async (p: PreparedPage, width: number): Promise<Buffer> => {
  const img = await raw(fromGrey(p.page).resize(width).median(3));
  const bg = await raw(fromGrey(img).blur(15));
  const out = Buffer.alloc(img.data.length, 255);
  for (let i = 0; i < out.length; i++) {
    if ((img.data[i] ?? 255) < Math.max(1, bg.data[i] ?? 255) * FRONT_INK_RATIO) out[i] = 0;
  }
  return fromGrey({ data: out, width: img.width, height: img.height })
    .png({ compressionLevel: 1 })
    .toBuffer();
};
