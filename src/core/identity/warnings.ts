import type { OcrDocument, OcrDocumentField, OcrWarning } from '../../shared/contract/ocr';

const isoToday = (today: Date): string => today.toISOString().slice(0, 10);

/** Age in whole years on `today`, from an ISO birth date. */
const ageOn = (birth: string, today: Date): number => {
  const [y, m, d] = birth.split('-').map(Number);
  const t = isoToday(today).split('-').map(Number);
  let age = (t[0] ?? 0) - (y ?? 0);
  if ((t[1] ?? 0) < (m ?? 0) || ((t[1] ?? 0) === (m ?? 0) && (t[2] ?? 0) < (d ?? 0))) age--;
  return age;
};

export const documentWarnings = (doc: OcrDocument, today: Date): OcrWarning[] => {
  const out: OcrWarning[] = [];
  if (doc.expiry_date && doc.expiry_date < isoToday(today)) out.push('expired');
  if (doc.birth_date && ageOn(doc.birth_date, today) < 14) out.push('under_14');
  return out;
};

/** Names are always for the clerk to confirm on a front; anything else doubtful needs the back. */
const FRONT_NAME_FIELDS: ReadonlySet<OcrDocumentField> = new Set([
  'surname1',
  'surname2',
  'surnames',
  'given_names',
]);

/**
 * Warnings for a reading of the front alone: when a field other than the names is doubtful,
 * the desk asks for the back, whose MRZ check digits can settle it.
 */
export const frontWarnings = (
  doc: OcrDocument,
  uncertain: readonly OcrDocumentField[],
  today: Date,
): OcrWarning[] => {
  const out = documentWarnings(doc, today);
  if (uncertain.some((f) => !FRONT_NAME_FIELDS.has(f))) out.push('read_back_side');
  return out;
};
