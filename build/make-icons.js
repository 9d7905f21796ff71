// Renders every packaging icon from build/icon.svg: `npx node build/make-icons.js`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import sharp from 'sharp';

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const render = (svg, size) =>
  sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An .ico holding PNG images (Windows Vista and later read these natively). */
export const packIco = (images) => {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
};

/** Writes icon.png (1024), icon.ico and icons/NxN.png into outDir. */
export const makeIcons = async (svgPath, outDir) => {
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  writeFileSync(join(outDir, 'icon.png'), await render(svgPath, 1024));
  for (const size of LINUX_SIZES) {
    writeFileSync(join(outDir, 'icons', `${size}x${size}.png`), await render(svgPath, size));
  }
  const ico = await Promise.all(
    ICO_SIZES.map(async (size) => ({ size, png: await render(svgPath, size) })),
  );
  writeFileSync(join(outDir, 'icon.ico'), packIco(ico));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  await makeIcons(join(here, 'icon.svg'), here);
  console.log(`icons written to ${here}`);
}
