import PDFDocument from 'pdfkit';
import type { PrivacyExport } from '../../shared/contract/privacy';
import { auditActionLabel } from '../../shared/audit-text';
import { type Language, translate } from '../../shared/i18n';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  type TimeFormat,
} from '../../shared/time-format';
import { PDF_FONT, withUnicodeFonts } from '../pdf/unicode-fonts';

type Row = readonly [label: string, value: string | null | undefined];

/** The resident's copy of the export (GDPR art. 15): A4, one section per kind of record. */
export const renderExportPdf = (
  data: PrivacyExport,
  townName: string,
  lang: Language,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const t = (key: string, params: Record<string, string | number> = {}) =>
      translate(lang, `privacy.pdf.${key}`, params);
    // A stored value in words; one this build does not know is shown as it is.
    const word = (key: string, value: string | null | undefined) => {
      if (!value) return null;
      const text = translate(lang, `${key}.${value}`);
      return text === `${key}.${value}` ? value : text;
    };
    const tf: TimeFormat = { language: lang, timeZone };
    const when = (at: string | null) => formatDateTime(at, tf);
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
      .text(
        t('intro', {
          id: data.residentId,
          at: formatDateTime(data.generatedAt, tf, { offset: true }),
        }),
      );

    const reg = data.register;
    heading(t('register'));
    rows([
      [t('name'), [reg.givenNames, reg.surname1, reg.surname2].filter(Boolean).join(' ')],
      [t('document'), `${reg.documentType} ${reg.documentMasked ?? ''}`],
      [t('birthDate'), formatDate(reg.birthDate, tf)],
      [t('nationality'), reg.nationality],
      [t('address'), [reg.address, reg.district].filter(Boolean).join(', ')],
      [
        t('status'),
        reg.status === 'deregistered'
          ? t('statuses.deregistered', { date: formatDate(reg.deregisteredOn, tf) })
          : t('statuses.active'),
      ],
    ]);

    heading(t('verifications', { count: data.verifications.length }));
    if (data.verifications.length === 0) none();
    for (const v of data.verifications) {
      rows([
        [t('network'), word('verifications.networks', v.network)],
        [t('handle'), v.handle],
        [
          t('state'),
          v.endGround
            ? `${word('verifications.states', v.state)} (${word('privacy.pdf.endGrounds', v.endGround)})`
            : word('verifications.states', v.state),
        ],
        [t('created'), when(v.createdAt)],
        [t('verified'), when(v.verifiedAt)],
        [t('ended'), when(v.endedAt)],
      ]);
    }

    heading(t('requests', { count: data.requests.length }));
    if (data.requests.length === 0) none();
    for (const q of data.requests) {
      rows([
        [t('network'), word('verifications.networks', q.network)],
        [t('handle'), q.handle],
        [t('state'), word('privacy.pdf.requestStates', q.state)],
        [t('created'), when(q.requestedAt)],
      ]);
    }

    heading(t('conflicts', { count: data.conflicts.length }));
    if (data.conflicts.length === 0) none();
    for (const k of data.conflicts) {
      rows([
        [t('network'), word('verifications.networks', k.network)],
        [t('handle'), k.handle],
        [t('role'), t(`roles.${k.role}`)],
        [t('state'), word('privacy.pdf.conflictStates', k.state)],
        [t('created'), when(k.createdAt)],
      ]);
    }

    heading(t('entries', { count: data.registryEntries.length }));
    if (data.registryEntries.length === 0) none();
    for (const e of data.registryEntries) {
      rows([
        [t('number'), e.officialNumber ?? e.provisionalNumber],
        [t('filed'), when(e.filedAt)],
        [t('role'), t(`roles.${e.role}`)],
        [t('subjectMatter'), `${e.epigrafe} — ${e.summary}`],
        [t('addressee'), e.addressee],
        [t('contact'), e.contact],
        [t('attachments'), e.attachments.map((a) => a.filename).join(', ')],
      ]);
    }

    heading(t('failedLookups', { count: data.failedLookups.length }));
    if (data.failedLookups.length === 0) none();
    for (const f of data.failedLookups)
      rows([[when(f.at), `${f.documentMasked} · ${word('privacy.pdf.lookupReasons', f.reason)}`]]);

    heading(t('audit', { count: data.audit.length }));
    if (data.audit.length === 0) none();
    for (const a of data.audit)
      rows([[`#${a.seq} ${when(a.at)}`, `${auditActionLabel(lang, a.action)} · ${a.actor}`]]);

    doc.end();
  });
