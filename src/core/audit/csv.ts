import { type AuditRow, formatAuditTime } from '../../shared/contract/audit';
import { type Language, translate } from '../../shared/i18n';

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

export const csvHeader = (lang: Language): string[] =>
  ['seq', 'at', 'device', 'staff', 'role', 'action', 'subject', 'details', 'hash'].map((k) =>
    translate(lang, `audit.columns.${k}`),
  );

/** UTF-8 with BOM so Excel reads accents right; CRLF rows as Excel writes them. */
export const auditCsv = (
  rows: Iterable<AuditRow>,
  lang: Language,
): { csv: Buffer; count: number } => {
  const sep = csvSeparator(lang);
  const line = (cells: (string | number | null)[]) => cells.map((c) => csvCell(c, sep)).join(sep);
  const lines = [line(csvHeader(lang))];
  for (const r of rows) {
    lines.push(
      line([
        r.seq,
        formatAuditTime(r.at, r.utcOffsetMin),
        r.device,
        r.actorName,
        r.actorRole,
        r.action,
        r.subject,
        r.details,
        r.hash,
      ]),
    );
  }
  return { csv: Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8'), count: lines.length - 1 };
};
