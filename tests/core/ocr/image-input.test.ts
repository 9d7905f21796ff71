import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, sniffFormat } from '../../../src/core/ocr/image-input';
import { AppError } from '../../../src/shared/errors';

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('image input', () => {
  it('identifies PNG, JPEG, TIFF, WebP and BMP by their bytes', async () => {
    const img = sharp({ create: { width: 300, height: 300, channels: 3, background: '#fff' } });
    expect(sniffFormat(await img.clone().png().toBuffer())).toBe('png');
    expect(sniffFormat(await img.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffFormat(await img.clone().tiff().toBuffer())).toBe('tiff');
    expect(sniffFormat(await img.clone().webp().toBuffer())).toBe('webp');
    expect(sniffFormat(Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]))).toBe('bmp');
    expect(sniffFormat(Buffer.from('GIF89a'))).toBeNull();
  });

  it('refuses a GIF renamed to .png as unsupported', async () => {
    expect(await codeOf(decodeImage(Buffer.from('GIF89a\x01\x00\x01\x00')))).toBe(
      'unsupported_file',
    );
  });

  it('reports truncated, tiny and oversized images with their codes', async () => {
    const png = await sharp({
      create: { width: 600, height: 400, channels: 3, background: '#abc' },
    })
      .png()
      .toBuffer();
    expect(await codeOf(decodeImage(png.subarray(0, 60)))).toBe('corrupt_image');
    const tiny = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await codeOf(decodeImage(tiny))).toBe('too_small');
    const bigBmp = Buffer.alloc(64);
    bigBmp.write('BM', 0);
    bigBmp.writeInt32LE(9000, 18);
    bigBmp.writeInt32LE(8000, 22);
    expect(await codeOf(decodeImage(bigBmp))).toBe('too_large');
    expect(await codeOf(decodeImage(Buffer.alloc(41 * 1024 * 1024, 0xff)))).toBe('too_large');
  });

  it('decodes to greyscale in memory', async () => {
    const png = await sharp({
      create: { width: 600, height: 400, channels: 3, background: '#808080' },
    })
      .png()
      .toBuffer();
    const g = await decodeImage(png);
    expect([g.width, g.height, g.data.length]).toEqual([600, 400, 600 * 400]);
  });
});
