import sharp from 'sharp';
import type { OcrLine } from './engine-pool';
import type { Box } from './layout-analysis';
import type { PreparedPage } from './page-prep';

/** Lines read with this confidence are text, not the desk's or the guilloche's noise. */
const SURE_LINE = 50;
/** Text filling less than this share of the frame is a card far from the camera. */
const SMALL_SHARE = 0.35;

/**
 * Where a front's text sits on the frame a reading was made of, when it fills only a small
 * part of it (a card far from the camera, on a desk too light to tell it from): the box around
 * the lines read with confidence, padded to take in the card's edges. Null when the text fills
 * the frame already or too little was read to place it.
 */
const textRegion = (
  lines: readonly OcrLine[],
  frame: { width: number; height: number },
): Box | null => {
  const sure = lines.filter(
    (l) => l.confidence >= SURE_LINE && /[\p{L}\p{N}]{2}/u.test(l.text) && l.box.width > 0,
  );
  if (sure.length < 3) return null;
  const left = Math.min(...sure.map((l) => l.box.left));
  const top = Math.min(...sure.map((l) => l.box.top));
  const right = Math.max(...sure.map((l) => l.box.left + l.box.width));
  const bottom = Math.max(...sure.map((l) => l.box.top + l.box.height));
  if ((right - left) * (bottom - top) > SMALL_SHARE * frame.width * frame.height) return null;
  // The photo, the title and the access number lie around the lines read.
  const pad = (bottom - top) / 2;
  const x0 = Math.max(0, Math.floor(left - pad));
  const y0 = Math.max(0, Math.floor(top - pad));
  const x1 = Math.min(frame.width, Math.ceil(right + pad));
  const y1 = Math.min(frame.height, Math.ceil(bottom + pad));
  return { left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
};

/**
 * The page cut to the text found on a reading of it at `readWidth` px, to be read again at
 * full size; null when the text already fills the page.
 */
export const zoomToText = async (
  p: PreparedPage,
  lines: readonly OcrLine[],
  readWidth: number,
): Promise<PreparedPage | null> => {
  const k = p.page.width / readWidth;
  const region = textRegion(lines, { width: readWidth, height: p.page.height / k });
  if (!region) return null;
  const box = {
    left: Math.floor(region.left * k),
    top: Math.floor(region.top * k),
    width: Math.min(p.page.width - Math.floor(region.left * k), Math.ceil(region.width * k)),
    height: Math.min(p.page.height - Math.floor(region.top * k), Math.ceil(region.height * k)),
  };
  const { data, info } = await sharp(p.page.data, {
    raw: { width: p.page.width, height: p.page.height, channels: 1 },
  })
    .extract(box)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    ...p,
    page: { data, width: info.width, height: info.height },
    mrz: null,
    probe: null,
  };
};

/**
 * A cut-out far card for the text engine, in grey: each pixel divided by its blurred
 * surroundings, with no median and no cut, as its letters are too few pixels thick to
 * survive either.
 */
export const zoomedImage = async (p: PreparedPage, width: number): Promise<Buffer> => {
  const { data, info } = await sharp(p.page.data, {
    raw: { width: p.page.width, height: p.page.height, channels: 1 },
  })
    .resize(width, null, { kernel: 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const bg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .blur(15)
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.min(255, Math.round(((data[i] ?? 255) / Math.max(1, bg[i] ?? 255)) * 255));
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 1 } })
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
};
