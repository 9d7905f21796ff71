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
// are laid out by string padding in one text call per line, fast enough for 100,000 entries.
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
    doc.font('Courier').fontSize(FONT_SIZE);
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
      doc.addPage();
      y = MARGIN;
      columnHeads();
    }
    for (let l = 0; l < height; l++) {
      doc.text(lineOf(cells.map((c) => c[l] ?? '')), MARGIN, y, { lineBreak: false });
      y += LINE_H;
    }
    count++;
  }
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
        : tr('verifiedBad', { seq: v.first_bad_seq ?? 0, reason: v.reason ?? '' }),
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
