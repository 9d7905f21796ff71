import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { breakLongWords } from './long-words';

/**
 * The one way core PDFs get their fonts. pdfkit's standard fonts (Helvetica, Courier) are
 * WinAnsi only, so "Łukasz Żółć" or "Nguyễn" would print as garbage; DejaVu covers Latin,
 * Greek and Cyrillic in full and ships with the app as the `dejavu-fonts-ttf` package (Bitstream
 * Vera licence plus public domain: redistribution allowed). pdfkit embeds only the glyphs used.
 */
export const PDF_FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  mono: 'DejaVuSansMono',
  monoBold: 'DejaVuSansMono-Bold',
} as const;

const resolveFromHere = createRequire(import.meta.url);
let files: ReadonlyMap<string, Buffer> | undefined;

/** Read once per process; a missing package is an install error, so it throws plainly. */
const fontFiles = (): ReadonlyMap<string, Buffer> => {
  files ??= new Map(
    Object.values(PDF_FONT).map((name) => [
      name,
      readFileSync(
        join(
          dirname(resolveFromHere.resolve('dejavu-fonts-ttf/package.json')),
          'ttf',
          `${name}.ttf`,
        ),
      ),
    ]),
  );
  return files;
};

type TextCall = (text: string | number, ...rest: unknown[]) => PDFKit.PDFDocument;

/**
 * Registers the embedded fonts on a new document and makes the regular one current. Its
 * text() also offers breaks in very long words (see breakLongWords), so no core PDF can be
 * made to hang by one huge value.
 */
export const withUnicodeFonts = (doc: PDFKit.PDFDocument): PDFKit.PDFDocument => {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
  const text = doc.text.bind(doc) as TextCall;
  const breaking: TextCall = (value, ...rest) =>
    text(typeof value === 'string' ? breakLongWords(value) : value, ...rest);
  doc.text = breaking as PDFKit.PDFDocument['text'];
  return doc.font(PDF_FONT.regular);
};
