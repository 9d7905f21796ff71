import type { OcrDocumentField } from '../../shared/contract/ocr';
import type { FrontReading } from './dni-front';
import { plain } from './front-text';

/** Fields besides the names that a front reading can pin down. */
const CHECKED_FIELDS = [
  'document_number',
  'support_number',
  'birth_date',
  'expiry_date',
  'sex',
  'nationality',
] as const;

/** Fields besides the names that the reading missed or had to repair. */
export const frontGaps = (r: FrontReading): number =>
  r.recognised
    ? CHECKED_FIELDS.filter((k) => r.document[k] === null || r.uncertain.includes(k)).length
    : Number.POSITIVE_INFINITY;

const accents = (s: string | null): number => (s ?? '').replace(/[A-Z\s'-]/g, '').length;

/** A field the reading returned and stands by. */
const sure = (r: FrontReading, k: OcrDocumentField): boolean =>
  r.document[k] !== null && !r.uncertain.includes(k);

/**
 * Two readings of one front (at two sizes) combined field by field. The one with fewer gaps
 * leads; a field it missed or doubted is taken from the other where that one stands by it
 * (one size loses a faint line the other keeps); a field both stand by but read differently
 * is flagged, as no reading confirms it. Only readings of the same document number combine.
 * Where both spell the names alike but for accents, the accented spelling wins: the text
 * model drops accents far more often than it invents them (names stay flagged either way).
 */
export const mergeFronts = (a: FrontReading, b: FrontReading): FrontReading => {
  const best = frontGaps(b) < frontGaps(a) ? b : a;
  const other = best === a ? b : a;
  if (!best.recognised || !other.recognised) return best;
  const number = best.document.document_number;
  if (number === null || number !== other.document.document_number) return best;
  const document = { ...best.document };
  const uncertain = new Set(best.uncertain);
  const take = <K extends (typeof CHECKED_FIELDS)[number]>(k: K): void => {
    document[k] = other.document[k];
  };
  for (const k of CHECKED_FIELDS) {
    if (!sure(other, k)) continue;
    if (!sure(best, k)) {
      take(k);
      uncertain.delete(k);
      if (k === 'document_number') uncertain.delete('personal_number');
    } else if (document[k] !== other.document[k]) {
      uncertain.add(k);
    }
  }
  for (const k of ['surname1', 'surname2', 'given_names'] as const) {
    const mine = document[k];
    const theirs = other.document[k];
    if (mine && theirs && plain(mine) === plain(theirs) && accents(theirs) > accents(mine)) {
      document[k] = theirs;
    }
  }
  // Every card prints a first surname and a given name: one the leader lost is taken from the
  // other reading (a second surname may rightly be absent, so it is not).
  for (const k of ['surname1', 'given_names'] as const) document[k] ??= other.document[k];
  document.surnames = [document.surname1, document.surname2].filter(Boolean).join(' ') || null;
  return { ...best, document, uncertain: [...uncertain] };
};
