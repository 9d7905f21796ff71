import type { OcrDocument, OcrDocumentField, OcrResult } from '../../shared/contract/ocr';
import { plain } from './front-text';
import { documentWarnings } from './warnings';

/** Letters only, for comparing the two sides' spelling of a name or value. */
const letters = (s: string | null): string =>
  plain(s ?? '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();

const NAME_FIELDS = ['surname1', 'surname2', 'surnames', 'given_names'] as const;

/** Fields both sides carry, and the MRZ checks that vouch for the back's reading of each. */
const SHARED: ReadonlyArray<readonly [OcrDocumentField, readonly string[]]> = [
  ['document_type', []],
  ['document_number', ['dni_letter', 'nie_letter']],
  ['personal_number', ['dni_letter', 'nie_letter']],
  ['support_number', ['document_number']],
  ['birth_date', ['birth_date']],
  ['expiry_date', ['expiry_date']],
  ['sex', []],
  ['nationality', []],
  // A Spanish card front and the back of another state's card are not one document.
  ['issuing_state', []],
];

/** The MRZ truncates long names: a front name that starts with the MRZ's is the same name. */
const truncationOf = (mrz: string, front: string): boolean =>
  mrz.length >= 10 && front.startsWith(mrz);

/**
 * Cross-checks a front and an MRZ reading of the same card, field by field. Agreement
 * confirms a field; disagreement flags it for the clerk and warns, and the MRZ's value is
 * kept where its check digit vouches for it. Names keep the front's spelling (accents).
 */
export const mergeFrontBack = (a: OcrResult, b: OcrResult, today: Date): OcrResult => {
  const back = a.source === 'mrz' ? a : b;
  const front = back === a ? b : a;
  if (back.source !== 'mrz' || front.source !== 'front') {
    return { ...back, warnings: [...new Set([...back.warnings, 'front_back_mismatch' as const])] };
  }
  const doc: OcrDocument = { ...back.document };
  const uncertain = new Set<OcrDocumentField>(back.uncertain);
  const set = <K extends OcrDocumentField>(k: K, v: OcrDocument[K]): void => {
    doc[k] = v;
  };
  let mismatch = false;
  for (const [f, checks] of SHARED) {
    const fv = front.document[f];
    const bv = back.document[f];
    const frontSure = fv !== null && !front.uncertain.includes(f);
    const backSure =
      bv !== null &&
      !back.uncertain.includes(f) &&
      (checks.length === 0 || checks.some((k) => back.mrz?.checks[k] === true));
    if (fv !== null && fv === bv) {
      uncertain.delete(f);
    } else if (bv === null) {
      set(f, fv);
      if (!frontSure) uncertain.add(f);
    } else if (fv !== null) {
      mismatch = true;
      uncertain.add(f);
      // The check digit settles it; without one, a front value its own check confirmed.
      if (!backSure && frontSure && checks.length > 0) set(f, fv);
    }
  }
  for (const f of NAME_FIELDS) {
    const fv = front.document[f];
    const bv = back.document[f];
    if (fv !== null && letters(fv) === letters(bv)) {
      // Same letters once accents are dropped: the front spelling is the printed one.
      doc[f] = fv;
      uncertain.delete(f);
    } else if (fv !== null && (bv === null || truncationOf(letters(bv), letters(fv)))) {
      // The MRZ left it out or cut it short: the front has the whole name, unconfirmed.
      doc[f] = fv;
      uncertain.add(f);
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
