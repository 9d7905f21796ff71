import type { OcrDocument, OcrDocumentField, OcrResult } from '../../shared/contract/ocr';
import { documentWarnings } from './warnings';

const plain = (s: string | null): string =>
  (s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();

const NAME_FIELDS = ['surname1', 'surname2', 'surnames', 'given_names'] as const;
const NUMBER_FIELDS = [
  'document_number',
  'birth_date',
  'sex',
  'expiry_date',
  'support_number',
] as const;

/**
 * Cross-checks a front and an MRZ reading of the same card. The MRZ is authoritative for
 * numbers and dates (check digits); the front for names, which keep their accents.
 */
export const mergeFrontBack = (a: OcrResult, b: OcrResult, today: Date): OcrResult => {
  const back = a.source === 'mrz' ? a : b;
  const front = back === a ? b : a;
  if (back.source !== 'mrz' || front.source !== 'front') {
    return { ...back, warnings: [...new Set([...back.warnings, 'front_back_mismatch' as const])] };
  }
  const doc: OcrDocument = { ...back.document };
  const uncertain = new Set<OcrDocumentField>(back.uncertain);
  let mismatch = false;
  for (const f of NUMBER_FIELDS) {
    const fv = front.document[f];
    if (fv !== null && back.document[f] !== null && fv !== back.document[f]) mismatch = true;
  }
  for (const f of NAME_FIELDS) {
    const fv = front.document[f];
    const bv = back.document[f];
    if (fv !== null && plain(fv) === plain(bv)) {
      // Same letters once accents are dropped: the front spelling is the printed one.
      doc[f] = fv;
      uncertain.delete(f);
    } else if (fv !== null || bv !== null) {
      mismatch = true;
      uncertain.add(f);
    }
  }
  const warnings = documentWarnings(doc, today);
  if (mismatch) warnings.push('front_back_mismatch');
  return {
    document: doc,
    source: 'both',
    mrz: back.mrz,
    confidence: Math.max(back.confidence, front.confidence),
    uncertain: [...uncertain],
    warnings,
  };
};
