import {
  auditActionLabel,
  auditDetailsText,
  auditRoleLabel,
  auditSubjectText,
} from '../../shared/audit-text';
import type { AuditRow } from '../../shared/contract/audit';
import { type Language, translate } from '../../shared/i18n';
import { formatDateTime, type TimeFormat } from '../../shared/time-format';

const BOM = '\uFEFF';

/** Spanish Excel expects `;` (the comma is the decimal mark); English Excel expects `,`. */
export const csvSeparator = (lang: Language): string => (lang === 'es' ? ';' : ',');

/**
 * One cell. A leading `= + - @` (or tab/CR, which Excel strips before looking) would make a
 * spreadsheet run the cell as a formula, so it gets a leading apostrophe; then RFC 4180 quoting.
 */
export const csvCell = (value: string | number | null, sep: string): string => {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Words for people, and the codes (action, subject, details as JSON) for machines. */
const CSV_COLUMNS = [
  'seq',
  'at',
  'device',
  'staff',
  'role',
  'action',
  'subject',
  'details',
  'actionCode',
  'subjectCode',
  'detailsJson',
  'hash',
] as const;

export const csvHeader = (lang: Language): string[] =>
  CSV_COLUMNS.map((k) => translate(lang, `audit.columns.${k}`));

/** UTF-8 with BOM so Excel reads accents right; CRLF rows as Excel writes them. */
export const auditCsv = (
  rows: Iterable<AuditRow>,
  lang: Language,
  timeZone: string,
): { csv: Buffer; count: number } => {
  const tf: TimeFormat = { language: lang, timeZone };
  const sep = csvSeparator(lang);
  const line = (cells: (string | number | null)[]) => cells.map((c) => csvCell(c, sep)).join(sep);
  const lines = [line(csvHeader(lang))];
  for (const r of rows) {
    lines.push(
      line([
        r.seq,
        formatDateTime(r.at, tf, { offset: true }),
        r.device,
        r.actorName,
        auditRoleLabel(lang, r.actorRole),
        auditActionLabel(lang, r.action),
        auditSubjectText(lang, r.subject),
        auditDetailsText(lang, r.action, r.details, tf),
        r.action,
        r.subject,
        r.details,
        r.hash,
      ]),
    );
  }
  return { csv: Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8'), count: lines.length - 1 };
};
