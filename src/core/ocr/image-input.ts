import { decode as decodeBmp } from 'bmp-ts';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../shared/errors';

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'bmp' | 'webp';

/** Limits: a 600 dpi A4 scan is ~35 MP; anything near 60 MP is not a counter scan. */
export const LIMITS = {
  maxBytes: 40 * 1024 * 1024,
  maxPixels: 40_000_000,
  minSide: 200,
} as const;

const startsWith = (b: Buffer, bytes: number[], at = 0): boolean =>
  bytes.every((v, i) => b[at + i] === v);

/** Identifies the format by its magic bytes, never by the file name. */
export const sniffFormat = (b: Buffer): ImageFormat | null => {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (startsWith(b, [0x42, 0x4d]) && b.length > 26) return 'bmp';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  return null;
};

export interface GreyImage {
  /** 8-bit greyscale pixels, row-major, one byte each. */
  data: Buffer;
  width: number;
  height: number;
}

const checkSize = (width: number, height: number): void => {
  if (width * height > LIMITS.maxPixels) {
    throw new AppError('too_large', { width, height, maxMegapixels: LIMITS.maxPixels / 1e6 });
  }
  if (Math.min(width, height) < LIMITS.minSide) {
    throw new AppError('too_small', { width, height, minSide: LIMITS.minSide });
  }
};

// The BMP header stores the size up front, so a huge BMP is refused before decoding it.
const bmpToSharp = (bytes: Buffer): Sharp => {
  const width = Math.abs(bytes.readInt32LE(18));
  const height = Math.abs(bytes.readInt32LE(22));
  checkSize(width, height);
  let bmp;
  try {
    bmp = decodeBmp(bytes, { toRGBA: true });
  } catch {
    throw new AppError('corrupt_image', { format: 'bmp' });
  }
  if (bmp.data.length < bmp.width * bmp.height * 4)
    throw new AppError('corrupt_image', { format: 'bmp' });
  // 24-bit BMPs decode with alpha 0; sharp would flatten them to the background colour.
  for (let i = 3; i < bmp.data.length; i += 4) bmp.data[i] = 255;
  return sharp(bmp.data, { raw: { width: bmp.width, height: bmp.height, channels: 4 } });
};

/**
 * Validates and decodes to greyscale in memory, applying EXIF orientation. Every failure is
 * an AppError; a broken file must never reach tesseract (its worker would crash the process).
 */
export const decodeImage = async (bytes: Buffer): Promise<GreyImage> => {
  if (bytes.length > LIMITS.maxBytes) {
    throw new AppError('too_large', {
      bytes: bytes.length,
      maxMegabytes: LIMITS.maxBytes / 1024 / 1024,
    });
  }
  const format = sniffFormat(bytes);
  if (!format) throw new AppError('unsupported_file');
  let img: Sharp;
  if (format === 'bmp') {
    img = bmpToSharp(bytes);
  } else {
    let meta: Metadata;
    try {
      meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    } catch {
      throw new AppError('corrupt_image', { format });
    }
    checkSize(meta.width ?? 0, meta.height ?? 0);
    img = sharp(bytes, { limitInputPixels: LIMITS.maxPixels, failOn: 'truncated' }).rotate();
  }
  try {
    const { data, info } = await img
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const grey =
      info.channels === 1
        ? data
        : await sharp(data, { raw: info }).extractChannel(0).raw().toBuffer();
    return { data: grey, width: info.width, height: info.height };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('corrupt_image', { format });
  }
};
