import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  auditActionLabel,
  auditDetailsText,
  auditRoleLabel,
  auditSubjectText,
} from '../../shared/audit-text';
import type { AuditFilters, AuditRow, AuditVerifyResult } from '../../shared/contract/audit';
import { type Language, translate } from '../../shared/i18n';
import { formatDate, formatDateTime, type TimeFormat } from '../../shared/time-format';
import { PDF_FONT, withUnicodeFonts } from '../pdf/unicode-fonts';

export interface AuditPdfMeta {
  readonly lang: Language;
  readonly townName: string;
  readonly device: string;
  readonly filters: AuditFilters;
  readonly printedBy: string;
  readonly printedByRole: string;
  readonly printedAt: Date;
  /** The town's zone (Settings): every time is printed in it, with its UTC offset. */
  readonly timeZone: string;
  /** The whole chain's verification, done just before the rows were read. */
  readonly verify: AuditVerifyResult;
}

// A4 landscape in a monospaced face (DejaVu Sans Mono advances 0.602 em, within rounding of
// 0.6): a cell's width is its number of characters, so rows
// are laid out by string padding, one line of text per visual line.
const MARGIN = 36;
const FONT_SIZE = 7;
const CHAR_W = FONT_SIZE * 0.6;
const LINE_H = 8.6;
const COLS = [
  { key: 'seq', chars: 6 },
  // "04/12/2026 19:20:05 (UTC+01:00)"
  { key: 'at', chars: 31 },
  { key: 'staff', chars: 30 },
  // The longest action name ("Inscripción en el servicio central") on one line.
  { key: 'action', chars: 34 },
  { key: 'subject', chars: 22 },
  { key: 'details', chars: 0 },
] as const;

/** Lines of at most `width` characters, broken between words; only a longer word is cut. */
export const wrap = (text: string, width: number): string[] => {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    let rest = word;
    if (line && line.length + 1 + rest.length <= width) {
      line = `${line} ${rest}`;
      continue;
    }
    if (line) lines.push(line);
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
};

/** Control characters would break the one-line-per-row layout; everything else prints as is. */
const printable = (text: string): string =>
  text.replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' ? c : '?'));

interface EmbeddedFont {
  readonly id: string;
  readonly ascender: number;
  /** Advance widths in thousandths of an em, by glyph id in the subset, filled by encode(). */
  readonly widths: readonly number[];
  encode(text: string): [string[], unknown];
}

/**
 * The font pdfkit made current (e.g. `F3`), with its glyph encoder. pdfkit's own text() costs
 * about half a millisecond a line, too slow for 100,000 rows, so table rows are written as text
 * operators directly (bench/audit.ts); they name the fonts the page already registered through
 * text().
 */
const currentFont = (doc: PDFKit.PDFDocument): EmbeddedFont => {
  const font = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font;
  if (
    typeof font?.id !== 'string' ||
    typeof font.encode !== 'function' ||
    !Array.isArray(font.widths)
  ) {
    throw new Error('pdfkit no longer exposes the current font');
  }
  return font as EmbeddedFont;
};

/**
 * Turns a row's text into text-showing operators, each distinct character encoded once. The
 * monospaced face draws it; a character it lacks (e.g. Vietnamese ễ) is drawn by the
 * proportional face and kerned back to one cell, so the columns stay aligned.
 */
const rowEncoder = (mono: EmbeddedFont, sans: EmbeddedFont) => {
  const width = (font: EmbeddedFont, glyphs: string[]) =>
    glyphs.reduce((sum, g) => sum + (font.widths[Number.parseInt(g, 16)] ?? 0), 0);
  const cell = width(mono, mono.encode(' ')[0]);
  const cache = new Map<string, string>();
  const piece = (ch: string): string => {
    const [glyphs] = mono.encode(ch);
    if (glyphs.some((g) => g !== '0000')) return glyphs.join('');
    const [other] = sans.encode(ch);
    const kern = (width(sans, other) - cell).toFixed(1);
    return `> Tj /${sans.id} ${FONT_SIZE} Tf [<${other.join('')}> ${kern}] TJ /${mono.id} ${FONT_SIZE} Tf <`;
  };
  return (text: string): string => {
    let out = '<';
    for (const ch of text) {
      let p = cache.get(ch);
      if (p === undefined) {
        p = piece(ch);
        cache.set(ch, p);
      }
      out += p;
    }
    return `${out}> Tj`;
  };
};

export const auditPdf = async (
  rows: Iterable<AuditRow>,
  meta: AuditPdfMeta,
): Promise<{ pdf: Buffer; count: number }> => {
  const tr = (key: string, params?: Record<string, string | number>) =>
    translate(meta.lang, `audit.pdf.${key}`, params);
  const tf: TimeFormat = { language: meta.lang, timeZone: meta.timeZone };
  const doc = withUnicodeFonts(
    new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: tr('title'), Author: meta.townName, Creator: 'Ventanilla' },
    }),
  );
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const pageW = doc.page.width;
  const bottom = doc.page.height - MARGIN - LINE_H * 2;
  const totalChars = Math.floor((pageW - 2 * MARGIN) / CHAR_W);
  const widths = COLS.map((c) =>
    c.chars > 0 ? c.chars : totalChars - COLS.reduce((s, x) => s + x.chars + 1, 0),
  );
  const lineOf = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' ')
      .trimEnd();

  let y = MARGIN;
  let rowOps: string[] = [];
  // Rows of the current page, in pdfkit's flipped space; pdfkit's text() does the same flip.
  let rowFonts: { mono: EmbeddedFont; encode: (text: string) => string } | undefined;
  const rowLine = (text: string) => {
    if (!rowFonts) throw new Error('row fonts are registered with the column heads');
    const baseline = doc.page.height - y - (FONT_SIZE * rowFonts.mono.ascender) / 1000;
    rowOps.push(`1 0 0 1 ${MARGIN} ${baseline.toFixed(2)} Tm ${rowFonts.encode(text)}`);
    y += LINE_H;
  };
  const flushRows = () => {
    if (rowOps.length === 0 || !rowFonts) return;
    const font = `/${rowFonts.mono.id} ${FONT_SIZE} Tf`;
    doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm BT ${font} ${rowOps.join(' ')} ET Q`);
    rowOps = [];
  };
  const columnHeads = () => {
    doc.font(PDF_FONT.monoBold).fontSize(FONT_SIZE);
    doc.text(lineOf(COLS.map((c) => translate(meta.lang, `audit.columns.${c.key}`))), MARGIN, y, {
      lineBreak: false,
    });
    y += LINE_H;
    doc
      .moveTo(MARGIN, y - 1)
      .lineTo(pageW - MARGIN, y - 1)
      .lineWidth(0.5)
      .stroke();
    y += 2;
    // Registers both row fonts on this page, so the rows' operators can name them.
    doc.font(PDF_FONT.regular).fontSize(FONT_SIZE).text(' ', MARGIN, y, { lineBreak: false });
    const sans = currentFont(doc);
    doc.font(PDF_FONT.mono).fontSize(FONT_SIZE).text(' ', MARGIN, y, { lineBreak: false });
    const mono = currentFont(doc);
    rowFonts ??= { mono, encode: rowEncoder(mono, sans) };
  };

  // Header: who, where, what was asked for.
  const f = meta.filters;
  doc
    .font(PDF_FONT.bold)
    .fontSize(14)
    .text(printable(tr('title')), MARGIN, y);
  doc.font(PDF_FONT.regular).fontSize(9);
  const headerLines = [
    tr('town', { town: meta.townName }),
    tr('device', { device: meta.device }),
    tr('period', {
      from: f.from ? formatDate(f.from, tf) : tr('start'),
      to: f.to ? formatDate(f.to, tf) : tr('today'),
    }),
    tr('filters', {
      staff: f.staff ?? tr('any'),
      action: f.action ? auditActionLabel(meta.lang, f.action) : tr('any'),
      subject: f.subject ?? tr('any'),
    }),
    tr('printed', {
      who: `${meta.printedBy} (${auditRoleLabel(meta.lang, meta.printedByRole)})`,
      when: formatDateTime(meta.printedAt, tf, { offset: true }),
    }),
  ];
  for (const line of headerLines) doc.text(printable(line));
  y = doc.y + 8;
  columnHeads();

  let count = 0;
  for (const r of rows) {
    const cells = [
      String(r.seq),
      formatDateTime(r.at, tf, { offset: true }),
      `${r.actorName} (${auditRoleLabel(meta.lang, r.actorRole)})`,
      auditActionLabel(meta.lang, r.action),
      auditSubjectText(meta.lang, r.subject),
      auditDetailsText(meta.lang, r.action, r.details, tf),
    ].map((c, i) => wrap(printable(c), widths[i] ?? 1));
    const height = Math.max(...cells.map((c) => c.length));
    if (y + height * LINE_H > bottom) {
      flushRows();
      doc.addPage();
      y = MARGIN;
      columnHeads();
    }
    for (let l = 0; l < height; l++) rowLine(lineOf(cells.map((c) => c[l] ?? '')));
    count++;
  }
  flushRows();
  if (count === 0) {
    doc.text(tr('noEntries'), MARGIN, y, { lineBreak: false });
    y += LINE_H;
  }

  // Final block: what a paper copy is checked against at central, as text and as a QR code.
  const qrSize = 110;
  if (y + qrSize + 60 > bottom) {
    doc.addPage();
    y = MARGIN;
  }
  y += 12;
  const v = meta.verify;
  doc.font(PDF_FONT.bold).fontSize(10);
  doc.text(
    printable(
      v.ok
        ? tr('verifiedOk')
        : tr('verifiedBad', {
            seq: v.first_bad_seq ?? 0,
            reason: translate(meta.lang, `audit.reasons.${v.reason ?? ''}`),
          }),
    ),
    MARGIN,
    y,
  );
  doc.font(PDF_FONT.regular).fontSize(9);
  doc.text(tr('rowsPrinted', { count }));
  doc.text(tr('chainEntries', { count: v.entries }));
  doc.text(tr('headHash'));
  doc.font(PDF_FONT.mono).fontSize(9).text(v.head);
  doc
    .font(PDF_FONT.regular)
    .fontSize(8)
    .text(printable(tr('qrNote')));
  const qr = await QRCode.toBuffer(v.head, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 4,
  });
  doc.image(qr, MARGIN, doc.y + 6, { width: qrSize, height: qrSize });

  // "Página X de Y" needs Y, so pages stay buffered until the end.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONT.regular).fontSize(8);
    doc.text(
      printable(tr('pageOf', { page: i + 1, pages: range.count })),
      MARGIN,
      doc.page.height - MARGIN - LINE_H,
      { width: pageW - 2 * MARGIN, align: 'right', lineBreak: false },
    );
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), count };
};
