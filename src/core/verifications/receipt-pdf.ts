import PDFDocument from 'pdfkit';
import type { Verification } from '../../shared/contract/verifications';
import { type Language, translate } from '../../shared/i18n';
import { verificationStateText } from '../../shared/verification-label';
import { DEFAULT_TIME_ZONE, formatDateTime, type TimeFormat } from '../../shared/time-format';
import { PDF_FONT, withUnicodeFonts } from '../pdf/unicode-fonts';

/** The resident's receipt: A5, one page, nothing on it that the desk does not already show. */
export const renderReceipt = (
  v: Verification,
  townName: string,
  lang: Language,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const tf: TimeFormat = { language: lang, timeZone };
    const when = (iso: string | null) => formatDateTime(iso, tf, { offset: true });
    const t = (key: string, params: Record<string, string | number> = {}) =>
      translate(lang, `verifications.receipt.${key}`, params);
    const doc = withUnicodeFonts(
      new PDFDocument({
        size: 'A5',
        margin: 40,
        info: {
          Title: t('title'),
          Author: townName,
          Producer: 'Ventanilla',
          Creator: 'Ventanilla',
        },
      }),
    );
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font(PDF_FONT.bold).fontSize(16).text(townName);
    doc.moveDown(0.3).fontSize(13).text(t('title'));
    doc.moveDown(0.8);
    const row = (label: string, value: string) => {
      doc.font(PDF_FONT.regular).fontSize(9).fillColor('#444444').text(label.toUpperCase());
      doc.font(PDF_FONT.bold).fontSize(12).fillColor('#000000').text(value);
      doc.moveDown(0.5);
    };
    row(t('resident'), v.residentName ?? '—');
    row(t('document'), `${v.documentType} ${v.documentMasked}`);
    row(t('network'), translate(lang, `verifications.networks.${v.network}`));
    row(t('handle'), v.handle);
    if (v.platformUserId) row(t('userId'), v.platformUserId);
    row(t('proof'), translate(lang, `verifications.proof.${v.proofMethod}`));
    row(
      t('state'),
      verificationStateText((key, params) => translate(lang, key, params), v),
    );
    row(t('date'), when(v.verifiedAt ?? v.createdAt));
    row(t('clerk'), v.clerkName);
    if (v.challengeCode && v.challengeExpiresAt) {
      doc.moveDown(0.3);
      doc.font(PDF_FONT.regular).fontSize(10).text(t('challengeIntro'));
      doc
        .moveDown(0.3)
        .font(PDF_FONT.monoBold)
        .fontSize(22)
        .text(v.challengeCode, { align: 'center' });
      doc
        .moveDown(0.3)
        .font(PDF_FONT.regular)
        .fontSize(10)
        .text(t('challengeExpires', { date: when(v.challengeExpiresAt) }));
    }
    doc
      .moveDown(1)
      .font(PDF_FONT.regular)
      .fontSize(8)
      .fillColor('#444444')
      .text(t('footer', { id: v.id }));
    doc.end();
  });
