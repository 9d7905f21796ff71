import PDFDocument from 'pdfkit';
import type { PrivacyExport } from '../../shared/contract/privacy';
import { type Language, translate } from '../../shared/i18n';
import { PDF_FONT, withUnicodeFonts } from '../pdf/unicode-fonts';

type Row = readonly [label: string, value: string | null | undefined];

/** The resident's copy of the export (GDPR art. 15): A4, one section per kind of record. */
export const renderExportPdf = (
  data: PrivacyExport,
  townName: string,
  lang: Language,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const t = (key: string, params: Record<string, string | number> = {}) =>
      translate(lang, `privacy.pdf.${key}`, params);
    const doc = withUnicodeFonts(
      new PDFDocument({
        size: 'A4',
        margin: 50,
        info: { Title: t('title'), Author: townName, Creator: 'Ventanilla' },
      }),
    );
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const heading = (text: string) => {
      doc.moveDown(0.8).font(PDF_FONT.bold).fontSize(12).fillColor('#000000').text(text);
      doc.moveDown(0.2);
    };
    const rows = (items: readonly Row[]) => {
      for (const [label, value] of items) {
        doc.font(PDF_FONT.bold).fontSize(9).text(`${label}: `, { continued: true });
        doc.font(PDF_FONT.regular).text(value && value.length > 0 ? value : '—');
      }
      doc.moveDown(0.3);
    };
    const none = () => doc.font(PDF_FONT.regular).fontSize(9).text(t('none'));

    doc.font(PDF_FONT.bold).fontSize(16).text(townName);
    doc.moveDown(0.3).fontSize(13).text(t('title'));
    doc
      .moveDown(0.3)
      .font(PDF_FONT.regular)
      .fontSize(9)
      .text(t('intro', { id: data.residentId, at: data.generatedAt }));

    const reg = data.register;
    heading(t('register'));
    rows([
      [t('name'), [reg.givenNames, reg.surname1, reg.surname2].filter(Boolean).join(' ')],
      [t('document'), `${reg.documentType} ${reg.documentMasked ?? ''}`],
      [t('birthDate'), reg.birthDate],
      [t('nationality'), reg.nationality],
      [t('address'), [reg.address, reg.district].filter(Boolean).join(', ')],
      [t('status'), reg.deregisteredOn ? `${reg.status} (${reg.deregisteredOn})` : reg.status],
    ]);

    heading(t('verifications', { count: data.verifications.length }));
    if (data.verifications.length === 0) none();
    for (const v of data.verifications) {
      rows([
        [t('network'), v.network],
        [t('handle'), v.handle],
        [t('state'), v.endGround ? `${v.state} (${v.endGround})` : v.state],
        [t('created'), v.createdAt],
        [t('verified'), v.verifiedAt],
        [t('ended'), v.endedAt],
      ]);
    }

    heading(t('requests', { count: data.requests.length }));
    if (data.requests.length === 0) none();
    for (const q of data.requests) {
      rows([
        [t('network'), q.network],
        [t('handle'), q.handle],
        [t('state'), q.state],
        [t('created'), q.requestedAt],
      ]);
    }

    heading(t('conflicts', { count: data.conflicts.length }));
    if (data.conflicts.length === 0) none();
    for (const k of data.conflicts) {
      rows([
        [t('network'), k.network],
        [t('handle'), k.handle],
        [t('role'), t(`roles.${k.role}`)],
        [t('state'), k.state],
        [t('created'), k.createdAt],
      ]);
    }

    heading(t('entries', { count: data.registryEntries.length }));
    if (data.registryEntries.length === 0) none();
    for (const e of data.registryEntries) {
      rows([
        [t('number'), e.officialNumber ?? e.provisionalNumber],
        [t('filed'), e.filedAt],
        [t('role'), t(`roles.${e.role}`)],
        [t('subjectMatter'), `${e.epigrafe} — ${e.summary}`],
        [t('addressee'), e.addressee],
        [t('contact'), e.contact],
        [t('attachments'), e.attachments.map((a) => a.filename).join(', ')],
      ]);
    }

    heading(t('failedLookups', { count: data.failedLookups.length }));
    if (data.failedLookups.length === 0) none();
    for (const f of data.failedLookups) rows([[f.at, `${f.documentMasked} · ${f.reason}`]]);

    heading(t('audit', { count: data.audit.length }));
    if (data.audit.length === 0) none();
    for (const a of data.audit) rows([[`#${a.seq} ${a.at}`, `${a.action} · ${a.actor}`]]);

    doc.end();
  });
