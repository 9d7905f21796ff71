import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  type AuditFilters,
  type AuditRow,
  type AuditVerifyResult,
  formatAuditTime,
} from '../../shared/contract/audit';
import { type Language, translate } from '../../shared/i18n';

export interface AuditPdfMeta {
  readonly lang: Language;
  readonly townName: string;
  readonly device: string;
  readonly filters: AuditFilters;
  readonly printedBy: string;
  readonly printedAt: Date;
  /** The whole chain's verification, done just before the rows were read. */
  readonly verify: AuditVerifyResult;
}

// A4 landscape in a monospaced face: a cell's width is its number of characters, so rows
// are laid out by string padding, one line of text per visual line.
const MARGIN = 36;
const FONT_SIZE = 7;
const CHAR_W = FONT_SIZE * 0.6;
const LINE_H = 8.6;
const COLS = [
  { key: 'seq', chars: 7 },
  { key: 'at', chars: 26 },
  { key: 'staff', chars: 22 },
  { key: 'action', chars: 24 },
  { key: 'subject', chars: 24 },
  { key: 'details', chars: 0 },
] as const;

const wrap = (text: string, width: number): string[] => {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
};

/** Pdfkit's standard fonts are WinAnsi: anything outside Latin-1 would print as garbage. */
const printable = (text: string): string => text.replace(/[^\t\n\x20-\x7e\u00a0-\u00ff€]/g, '?');

/** WinAnsi bytes as a PDF hex string; `printable` has already reduced the text to Latin-1 and €. */
const winAnsiHex = (text: string): string =>
  `<${Buffer.from(text.replace(/€/g, '\x80'), 'latin1').toString('hex')}>`;

/**
 * The id pdfkit gave the current font (e.g. `F3`). pdfkit's own text() costs about half a
 * millisecond a line, too slow for 100,000 rows, so table rows are written as text operators
 * directly (bench/audit.ts); they name the font the page already registered through text().
 */
const currentFontId = (doc: PDFKit.PDFDocument): string => {
  const id = (doc as unknown as { _font?: { id?: unknown } })._font?.id;
  if (typeof id !== 'string') throw new Error('pdfkit no longer exposes the current font id');
  return id;
};

export const auditPdf = async (
  rows: Iterable<AuditRow>,
  meta: AuditPdfMeta,
): Promise<{ pdf: Buffer; count: number }> => {
  const tr = (key: string, params?: Record<string, string | number>) =>
    translate(meta.lang, `audit.pdf.${key}`, params);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: tr('title'), Author: meta.townName, Creator: 'Ventanilla' },
  });
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
  const rowLine = (text: string) => {
    const baseline = doc.page.height - y - (FONT_SIZE * 629) / 1000; // Courier ascender
    rowOps.push(`1 0 0 1 ${MARGIN} ${baseline.toFixed(2)} Tm ${winAnsiHex(text)} Tj`);
    y += LINE_H;
  };
  const flushRows = () => {
    if (rowOps.length === 0) return;
    const font = `/${currentFontId(doc)} ${FONT_SIZE} Tf`;
    doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm BT ${font} ${rowOps.join(' ')} ET Q`);
    rowOps = [];
  };
  const columnHeads = () => {
    doc.font('Courier-Bold').fontSize(FONT_SIZE);
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
    // Registers the row font on this page, so the rows' operators can name it.
    doc.font('Courier').fontSize(FONT_SIZE).text(' ', MARGIN, y, { lineBreak: false });
  };

  // Header: who, where, what was asked for.
  const f = meta.filters;
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(printable(tr('title')), MARGIN, y);
  doc.font('Helvetica').fontSize(9);
  const headerLines = [
    tr('town', { town: meta.townName }),
    tr('device', { device: meta.device }),
    tr('period', { from: f.from ?? tr('start'), to: f.to ?? tr('today') }),
    tr('filters', {
      staff: f.staff ?? tr('any'),
      action: f.action ?? tr('any'),
      subject: f.subject ?? tr('any'),
    }),
    tr('printed', { who: meta.printedBy, when: meta.printedAt.toISOString() }),
  ];
  for (const line of headerLines) doc.text(printable(line));
  y = doc.y + 8;
  columnHeads();

  let count = 0;
  for (const r of rows) {
    const cells = [
      String(r.seq),
      formatAuditTime(r.at, r.utcOffsetMin),
      `${r.actorName} (${r.actorRole})`,
      r.action,
      r.subject ?? '',
      r.details === '{}' ? '' : r.details,
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
  doc.font('Helvetica-Bold').fontSize(10);
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
  doc.font('Helvetica').fontSize(9);
  doc.text(tr('rowsPrinted', { count }));
  doc.text(tr('chainEntries', { count: v.entries }));
  doc.text(tr('headHash'));
  doc.font('Courier').fontSize(9).text(v.head);
  doc
    .font('Helvetica')
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
    doc.font('Helvetica').fontSize(8);
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
