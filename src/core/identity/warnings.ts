import type { OcrDocument, OcrWarning } from '../../shared/contract/ocr';

const isoToday = (today: Date): string => today.toISOString().slice(0, 10);

/** Age in whole years on `today`, from an ISO birth date. */
export const ageOn = (birth: string, today: Date): number => {
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
