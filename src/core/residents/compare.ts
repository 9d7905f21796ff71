import { mrzAlphabet, nameTokens, phoneticKey, sameSpelling, similarity } from './names';

/** How a shown name relates to a registered one, best first. */
export type NameRelation =
  | 'exact'
  | 'accent_insensitive'
  | 'truncated'
  | 'abbreviated'
  | 'partial'
  | 'swapped'
  | 'second_missing'
  | 'phonetic'
  | 'similar'
  | 'mismatch'
  | 'unknown';

/** How much each relation is worth in the score (0..1). */
export const relationWeight: Record<NameRelation, number> = {
  exact: 1,
  accent_insensitive: 1,
  truncated: 0.95,
  abbreviated: 0.9,
  partial: 0.85,
  swapped: 0.85,
  second_missing: 0.85,
  phonetic: 0.75,
  similar: 0.6,
  mismatch: 0,
  unknown: 0.5,
};

/** Relations that, with the number and birth date, still allow a "strong" verdict. */
export const confidentRelations: ReadonlySet<NameRelation> = new Set([
  'exact',
  'accent_insensitive',
  'truncated',
  'abbreviated',
  'partial',
]);

// TD1 name lines hold 30 characters: anything at least this long may have been cut.
const MRZ_TRUNCATION_MIN = 28;

export interface ShownName {
  readonly surnames: string | null;
  readonly givenNames: string | null;
}

export interface RegisteredName {
  readonly surname1: string;
  readonly surname2: string | null;
  readonly givenNames: string;
}

const joined = (tokens: readonly string[]): string => tokens.join(' ');
const eq = (a: readonly string[], b: readonly string[]): boolean => joined(a) === joined(b);

/** The MRZ name field as the card would print it, to tell whether it may have been truncated. */
const mrzFieldLength = (shown: ShownName): number =>
  mrzAlphabet(shown.surnames ?? '').length + 2 + mrzAlphabet(shown.givenNames ?? '').length;

const mayBeTruncated = (shown: ShownName): boolean => mrzFieldLength(shown) >= MRZ_TRUNCATION_MIN;

export const compareSurnames = (shown: ShownName, reg: RegisteredName): NameRelation => {
  if (!shown.surnames) return 'unknown';
  const doc = nameTokens(shown.surnames);
  const s1 = nameTokens(reg.surname1);
  const s2 = nameTokens(reg.surname2);
  const regFull = `${reg.surname1} ${reg.surname2 ?? ''}`;
  if (eq(doc, [...s1, ...s2])) {
    return sameSpelling(shown.surnames, regFull) ? 'exact' : 'accent_insensitive';
  }
  const docMrz = mrzAlphabet(shown.surnames);
  const regMrz = mrzAlphabet(regFull);
  if (mayBeTruncated(shown) && docMrz.length >= 3 && regMrz.startsWith(docMrz)) return 'truncated';
  if (s2.length > 0 && eq(doc, [...s2, ...s1])) return 'swapped';
  // One surname on either side: foreigners, or a register that lacks the second.
  if (s2.length > 0 && eq(doc, s1)) return 'second_missing';
  if (s2.length === 0 && doc.length > s1.length && eq(doc.slice(0, s1.length), s1)) {
    return 'second_missing';
  }
  if (phoneticKey(shown.surnames) === phoneticKey(regFull)) return 'phonetic';
  if (similarity(joined(doc), joined([...s1, ...s2])) >= 0.8) return 'similar';
  return 'mismatch';
};

const isAbbreviationOf = (short: string, long: string): boolean =>
  short.length === 1 ? long.startsWith(short) : short === long;

export const compareGivenNames = (shown: ShownName, reg: RegisteredName): NameRelation => {
  if (!shown.givenNames) return 'unknown';
  const doc = nameTokens(shown.givenNames);
  const res = nameTokens(reg.givenNames);
  if (eq(doc, res)) {
    return sameSpelling(shown.givenNames, reg.givenNames) ? 'exact' : 'accent_insensitive';
  }
  const docMrz = mrzAlphabet(shown.givenNames);
  if (
    mayBeTruncated(shown) &&
    docMrz.length >= 1 &&
    mrzAlphabet(reg.givenNames).startsWith(docMrz)
  ) {
    return 'truncated';
  }
  if (doc.length === res.length && doc.every((t, i) => isAbbreviationOf(t, res[i] ?? ''))) {
    return 'abbreviated';
  }
  if (res.length === doc.length && doc.every((t, i) => isAbbreviationOf(res[i] ?? '', t))) {
    return 'abbreviated';
  }
  // "José" for "José María", or the other way round: a compound name used in part.
  const [shorter, longer] = doc.length < res.length ? [doc, res] : [res, doc];
  if (shorter.length > 0 && shorter.every((t, i) => isAbbreviationOf(t, longer[i] ?? ''))) {
    return 'partial';
  }
  if (phoneticKey(shown.givenNames) === phoneticKey(reg.givenNames)) return 'phonetic';
  if (similarity(joined(doc), joined(res)) >= 0.8) return 'similar';
  return 'mismatch';
};
