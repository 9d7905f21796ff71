import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type FormTemplate, type FormValues, printedDateTime } from '../../shared/contract/forms';
import { type Language, translate } from '../../shared/i18n';
import { PDF_FONT, withUnicodeFonts } from '../pdf/unicode-fonts';
import type { AttachmentRow, EntryRow } from './entries';
import { qrPayload } from './entries';

export type ReceiptFormat = 'a4' | 'roll80';

export interface ReceiptInput {
  readonly entry: EntryRow;
  readonly attachments: readonly AttachmentRow[];
  /** The version the entry was filed with, for field labels; absent labels fall back to names. */
  readonly template: FormTemplate | undefined;
  readonly townName: string;
  readonly logoPng: Buffer | null;
  readonly language: Language;
  readonly format: ReceiptFormat;
}

const valueText = (
  template: FormTemplate | undefined,
  name: string,
  value: string | string[],
  lang: Language,
): string => {
  const def = template?.fields.find((f) => f.name === name);
  const label = (v: string) =>
    def && (def.kind === 'select' || def.kind === 'multiselect')
      ? (def.options.find((o) => o.value === v)?.label[lang] ?? v)
      : v;
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
};

const fieldLabel = (template: FormTemplate | undefined, name: string, lang: Language): string =>
  template?.fields.find((f) => f.name === name)?.label[lang] ?? name;

/**
 * The justificante (Ley 39/2015, art. 16.3): numbers, date and time, heading, addressee,
 * interested party, content, attachments with their hashes, consent, clerk and a QR code.
 * Built in the core so the app and the CLI print the same document.
 */
export const renderReceipt = async (input: ReceiptInput): Promise<Buffer> => {
  const { entry, language: lang } = input;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(lang, `forms.receipt.${key}`, params);
  const roll = input.format === 'roll80';
  const doc = withUnicodeFonts(
    new PDFDocument({
      size: roll ? [226, 1400] : 'A4',
      margins: roll
        ? { top: 12, bottom: 12, left: 10, right: 10 }
        : { top: 50, bottom: 50, left: 56, right: 56 },
      info: {
        Title: `${t('title')} ${entry.provisional_number}`,
        Author: input.townName,
        Subject: entry.epigrafe,
      },
    }),
  );
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const size = roll
    ? { title: 12, head: 8, body: 7.5, mono: 5.6 }
    : { title: 18, head: 10.5, body: 10, mono: 8 };
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  if (input.logoPng) {
    doc.image(input.logoPng, { fit: roll ? [80, 40] : [120, 60] });
    doc.moveDown(0.3);
  }
  doc.font(PDF_FONT.bold).fontSize(size.head).text(input.townName);
  doc.moveDown(0.4);
  doc.fontSize(size.title).text(t('title'));
  doc.moveDown(0.5);

  const row = (label: string, value: string) => {
    doc.font(PDF_FONT.bold).fontSize(size.body);
    const labelWidth = doc.widthOfString(`${label}: `);
    const valueWidth = doc.font(PDF_FONT.regular).widthOfString(value);
    // A number like 18111-M01-2026-000001 must never break at its hyphens: if it does not fit
    // beside its label (the 80 mm roll), it goes whole on the next line.
    const ownLine = !/\s/.test(value) && labelWidth + valueWidth > width && valueWidth <= width;
    doc.font(PDF_FONT.bold).text(`${label}:${ownLine ? '' : ' '}`, { continued: !ownLine });
    doc.font(PDF_FONT.regular).text(value, { width });
  };
  const section = (label: string) => {
    doc.moveDown(0.5);
    doc.font(PDF_FONT.bold).fontSize(size.head).text(label);
  };

  row(t('provisionalNumber'), entry.provisional_number);
  row(t('officialNumber'), entry.official_number ?? t('officialPending'));
  row(t('filedAt'), printedDateTime(entry.filed_local));
  row(t('epigrafe'), entry.epigrafe);
  row(t('addressee'), entry.addressee_name);

  section(t('party'));
  row(t('name'), entry.party_name);
  if (entry.party_doc_masked) row(t('document'), entry.party_doc_masked);
  if (entry.party_resident_id) row(t('residentId'), entry.party_resident_id);
  if (entry.party_contact) row(t('contact'), entry.party_contact);
  if (entry.rep_name) {
    section(t('representative'));
    row(t('name'), entry.rep_name);
    if (entry.rep_doc_masked) row(t('document'), entry.rep_doc_masked);
  }

  section(t('content'));
  row(t('summary'), entry.summary);
  const data = JSON.parse(entry.data) as FormValues;
  for (const [name, value] of Object.entries(data)) {
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    row(fieldLabel(input.template, name, lang), valueText(input.template, name, value, lang));
  }

  section(t('attachments'));
  if (input.attachments.length === 0)
    doc.font(PDF_FONT.regular).fontSize(size.body).text(t('noAttachments'));
  for (const a of input.attachments) {
    doc
      .font(PDF_FONT.regular)
      .fontSize(size.body)
      .text(`${a.position}. ${a.filename} (${a.size} B)`);
    doc.font(PDF_FONT.mono).fontSize(size.mono).text(`SHA-256 ${a.sha256}`, { width });
  }

  if (entry.consent_text) {
    section(t('consent'));
    doc.font(PDF_FONT.regular).fontSize(size.body).text(entry.consent_text, { width });
  }

  doc.moveDown(0.5);
  row(t('clerk'), entry.clerk_name);

  const qr = await QRCode.toBuffer(qrPayload(entry), {
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: roll ? 3 : 4,
  });
  doc.moveDown(0.8);
  const qrSize = roll ? 120 : 140;
  if (doc.y + qrSize + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.image(qr, doc.page.margins.left, doc.y, { width: qrSize, height: qrSize });
  doc.y += qrSize + 6;
  doc.font(PDF_FONT.regular).fontSize(size.body).text(t('verify'), { width });
  doc
    .font(PDF_FONT.mono)
    .fontSize(size.mono)
    .text(`${t('entryId')} ${entry.id}`, { width });
  doc.text(`${t('entryHash')} ${entry.entry_hash}`, { width });
  doc.end();
  return done;
};
