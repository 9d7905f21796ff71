import { states } from 'mrz';
import type { OcrDocument, OcrDocumentField } from '../../shared/contract/ocr';
import { claim, isDateField, isNameField } from './front-claims';
import { resolveDates } from './front-dates';
import { segmentLine, type LabelField } from './front-labels';
import { findDni, findNie, findSupport, type FoundNumber } from './front-numbers';
import { shapeNames, shapeSexLine } from './front-shape';
import { datesIn, plain, undouble } from './front-text';
import { withAccents } from './name-accents';
import { splitSurnames } from './surnames';

export interface FrontReading {
  document: OcrDocument;
  /** Fields the front reading could not pin down. */
  uncertain: OcrDocumentField[];
  /**
   * True when it reads as a card front: a letter-checked number, names, and enough of a
   * front's printed labels (an address block on a back never passes).
   */
  recognised: boolean;
}

export interface FrontLine {
  text: string;
  /** Height of the line's box in pixels; 0 when unknown. */
  height: number;
}

/** Labels that only a front prints. */
const FRONT_FIELDS: readonly LabelField[] = [
  'surnames',
  'surname1',
  'surname2',
  'given',
  'sex',
  'nationality',
  'birth',
  'issue',
  'expiry',
  'support',
  'number',
  'nie',
];
/**
 * Evidence that the text is a card front: each distinct front label read, the card's title,
 * and, for a scan whose small grey labels thresholding erased, the `SEX NAT` line and a
 * birth date followed by an expiry date. At least one label and this much in all.
 */
const MIN_FRONT_EVIDENCE = 3;
/** A document's title: a DNI's, a TIE's, a NIE certificate's. */
const TITLES: readonly LabelField[] = ['header', 'tie', 'certificate'];
/** Labels only a foreigner's document prints: its number is a NIE. */
const NIE_SIGNS: readonly LabelField[] = ['nie', 'tie', 'permit', 'certificate'];
/** Lines to read under one label: two surname lines, one of anything else. */
const MAX_VALUES: Partial<Record<LabelField, number>> = { surnames: 2 };

/** Labels whose value may come a line or two later, after the next label row. */
const WAITS: ReadonlySet<LabelField> = new Set([
  'birth',
  'issue',
  'expiry',
  'sex',
  'nationality',
  'support',
  'number',
  'nie',
]);

/** Printed as large as values: the title and the number's own label. */
const BIG_LABELS: ReadonlySet<LabelField> = new Set([
  'header',
  'tie',
  'certificate',
  'number',
  'nie',
  'can',
]);

interface Row {
  text: string;
  height: number;
  /** Not known to be printed as tall as values: text beside a label there is no name. */
  small: boolean;
  segments: ReturnType<typeof segmentLine>;
}

const rowsOf = (input: string | readonly FrontLine[]): Row[] => {
  const all: FrontLine[] =
    typeof input === 'string'
      ? input.split(/\r?\n/).map((text) => ({ text, height: 0 }))
      : input.flatMap((l) => l.text.split(/\r?\n/).map((text) => ({ text, height: l.height })));
  const lines = all
    .map((l) => ({ ...l, text: undouble(l.text.trim()) }))
    .filter((l) => l.text.length > 0);
  // Labels are printed about half as tall as values: once the exactly-read labels give their
  // height, a taller line only takes a label read exactly (a value never becomes a label).
  const labelHeights = lines
    .filter(
      (l) =>
        l.height > 0 &&
        segmentLine(l.text, true).some((s) => 'label' in s && !BIG_LABELS.has(s.label)),
    )
    .map((l) => l.height);
  const sorted = [...labelHeights].sort((a, b) => a - b);
  // The median: a phone photo's perspective makes some labels twice as tall as others.
  const ref = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return lines.map((l) => ({
    text: l.text,
    height: l.height,
    small: ref > 0 && l.height <= ref * 1.5,
    segments: segmentLine(l.text, ref > 0 && l.height > ref * 1.5),
  }));
};

interface Collected {
  values: Map<LabelField, string[]>;
  /** Value lines no label claimed, for reading by shape. */
  loose: string[];
  labels: Set<LabelField>;
  /** Name lines under name labels that already had their values. */
  strays: string[];
}

/** Walks the lines, giving each value line to the labels printed above it (or beside it). */
/**
 * Who is offered a value line first. Dates go to the date labels of the latest row that had
 * any, when they are enough for them: an older label whose value line the scan lost (FECHA DE
 * NACIMIENTO) must not take the issue date. More dates than those labels: the older first.
 */
const order = (
  text: string,
  labels: readonly LabelField[],
  recentDates: readonly LabelField[],
): LabelField[] => {
  const dates = datesIn(text).length;
  if (dates === 0 || dates > recentDates.length) return [...labels];
  return [
    ...labels.filter((f) => !isDateField(f)),
    ...recentDates,
    ...labels.filter((f) => isDateField(f) && !recentDates.includes(f)),
  ];
};

const collect = (rows: readonly Row[]): Collected => {
  const values = new Map<LabelField, string[]>();
  const labels = new Set<LabelField>();
  const loose: string[] = [];
  const strays: string[] = [];
  /** The labels of the last label row, and older ones still without a value. */
  let own: LabelField[] = [];
  let waiting: LabelField[] = [];
  const pending = (): LabelField[] => [...waiting, ...own];
  /** The date labels of the latest label row that printed any, still without a value. */
  let recentRow: LabelField[] = [];
  const recent = (): LabelField[] => recentRow.filter((f) => !got(f));
  const room = (f: LabelField): boolean => (values.get(f)?.length ?? 0) < (MAX_VALUES[f] ?? 1);
  const got = (f: LabelField): boolean => (values.get(f)?.length ?? 0) > 0;
  const give = (f: LabelField, v: string): void => {
    values.set(f, [...(values.get(f) ?? []), v]);
  };
  /**
   * Offers a value line to the labels left to right; what none of them takes (a second
   * date under an unread label) is kept for reading by shape. True when one took some.
   */
  const offer = (text: string, to: readonly LabelField[]): boolean => {
    let rest = text;
    let taken = false;
    for (const f of to) {
      if (!room(f) || (isNameField(f) && taken)) continue;
      const c = claim(f, rest);
      if (!c) continue;
      give(f, c.value);
      rest = c.rest;
      taken = true;
    }
    if (!taken || /[\p{L}\p{N}]{2}/u.test(rest)) loose.push(taken ? rest.trim() : text);
    // A name line past the names already read: the given name, if its label was lost.
    const stray = !taken && to.some(isNameField) ? claim('given', text) : null;
    if (stray) strays.push(stray.value);
    return taken;
  };
  for (const row of rows) {
    const found = row.segments.flatMap((s) => ('label' in s ? [s.label] : []));
    // A line that only loosely resembles a label (ESPAÑOLA and ESPAÑA) right under a name
    // label still waiting for its value is that value.
    const loosely = row.segments.every((s) => 'label' in s && !s.exact);
    const nameWaiting = pending().find((f) => isNameField(f) && room(f));
    if (found.length > 0 && loosely && nameWaiting && claim(nameWaiting, row.text)) {
      offer(row.text, [nameWaiting]);
      continue;
    }
    if (found.length === 0) {
      offer(row.text, order(row.text, pending(), recent()));
      continue;
    }
    for (const f of found) labels.add(f);
    // Label rows one after another (`EMISIÓN`, then `VALIDEZ`, then both dates): labels still
    // without a value keep waiting, left to right. Names never wait (a name under the wrong
    // label is worse than none), nor do titles and back-side labels.
    waiting = [...waiting, ...own].filter((f) => WAITS.has(f) && !got(f) && !found.includes(f));
    own = [];
    if (found.some(isDateField)) recentRow = found.filter(isDateField);
    let current: LabelField | null = null;
    for (const s of row.segments) {
      if ('label' in s) {
        current = s.label;
        own.push(s.label);
      } else if (current === null) {
        offer(s.text, order(s.text, waiting, recent()));
      } else if (!(row.small && isNameField(current))) {
        // `DNI 12345678Z 15 06 2021`: the number printed level with the date row above.
        offer(s.text, [current, ...order(s.text, waiting, recent())]);
      }
    }
  }
  return { values, loose, labels, strays };
};

const first = (c: Collected, f: LabelField): string | null => c.values.get(f)?.[0] ?? null;

/**
 * The document number: under its label first, then anywhere. A TIE's labels make it a NIE
 * first; otherwise a DNI first, so a DNI starting with 2 is never read as a Z NIE.
 */
const numberOf = (c: Collected, upper: string): FoundNumber & { nie: boolean } => {
  const tie = NIE_SIGNS.some((f) => c.labels.has(f));
  const labelled = plain(
    [...(c.values.get('number') ?? []), ...(c.values.get('nie') ?? [])].join(' '),
  );
  for (const text of [labelled, upper]) {
    const nie = findNie(text);
    const dni = findDni(text);
    if (tie && nie.value) return { ...nie, nie: true };
    if (dni.value) return { ...dni, nie: false };
    if (nie.value) return { ...nie, nie: true };
  }
  return { value: null, repaired: false, nie: false };
};

const namesOf = (
  c: Collected,
  fallback: string[],
): { surname1: string | null; surname2: string | null; given: string | null } => {
  const s1 = first(c, 'surname1');
  const s2 = first(c, 'surname2');
  const joined = c.values.get('surnames') ?? [];
  const given = first(c, 'given') ?? c.strays.at(-1) ?? null;
  if (s1 || s2) return { surname1: s1, surname2: s2, given };
  if (joined.length >= 2)
    return { surname1: joined[0] ?? null, surname2: joined[1] ?? null, given };
  if (joined.length === 1) {
    const split = splitSurnames(joined[0] ?? '');
    return { surname1: split.surname1, surname2: split.surname2, given };
  }
  if (given) {
    // The surname labels were lost: the surnames are the name lines printed above the name.
    const above = fallback.filter((n) => n !== given).slice(0, 2);
    return { surname1: above[0] ?? null, surname2: above[1] ?? null, given };
  }
  // No name label survived the scan: names by their place, above the sex line.
  const given2 = fallback.length >= 2 ? (fallback.at(-1) ?? null) : null;
  const [surname1 = null, surname2 = null] = fallback.slice(0, -1).slice(-2);
  return { surname1, surname2, given: given2 };
};

/**
 * Reads a card front (DNI 3.0, DNI 4.0 with its bilingual labels, TIE) by its printed labels:
 * each value is taken from under or beside the label that names it, with OCR-mangled labels
 * matched loosely. What no label claims is read by its shape, and flagged.
 */
export const parseDniFront = (input: string | readonly FrontLine[]): FrontReading => {
  const rows = rowsOf(input);
  const c = collect(rows);
  const upper = plain(rows.map((r) => r.text).join('\n'));
  const number = numberOf(c, upper);
  const shapeSex = shapeSexLine(rows.map((r) => r.text));
  const labelledSex = first(c, 'sex');
  const labelledNat = first(c, 'nationality');
  const sex = labelledSex ?? shapeSex?.sex ?? null;
  const nationality = labelledNat ?? shapeSex?.nationality ?? null;
  const read = namesOf(c, shapeNames(rows));
  const names = number.nie
    ? read
    : {
        surname1: withAccents(read.surname1),
        surname2: withAccents(read.surname2),
        given: withAccents(read.given),
      };
  const dates = resolveDates({
    birth: first(c, 'birth'),
    issue: first(c, 'issue'),
    expiry: first(c, 'expiry'),
    loose: c.loose.flatMap(datesIn),
    printsExpiry: !c.labels.has('certificate'),
  });
  const labelledSupport = findSupport(plain(c.values.get('support')?.join(' ') ?? ''));
  const found = labelledSupport.value ? labelledSupport : findSupport(plain(c.loose.join('\n')));
  const support = found.value;
  const surnames = [names.surname1, names.surname2].filter(Boolean).join(' ') || null;
  const document: OcrDocument = {
    document_type: number.nie ? 'NIE' : 'DNI',
    document_number: number.value,
    surname1: names.surname1,
    surname2: names.surname2,
    surnames,
    given_names: names.given,
    birth_date: dates.birth,
    sex: sex === 'M' || sex === 'F' || sex === 'X' ? sex : null,
    nationality,
    expiry_date: dates.expiry,
    issuing_state: 'ESP',
    support_number: support,
    personal_number: number.value,
  };
  // Names have no check digit: a front reading is always for the clerk to confirm.
  const uncertain = new Set<OcrDocumentField>(['surname1', 'surname2', 'surnames', 'given_names']);
  if (number.repaired || !number.value) uncertain.add('document_number').add('personal_number');
  if (!dates.birthSure) uncertain.add('birth_date');
  if (!dates.expirySure) uncertain.add('expiry_date');
  if (!labelledSex || document.sex === null) uncertain.add('sex');
  const knownState = nationality !== null && nationality in states;
  if (!labelledNat || !knownState || (!number.nie && nationality !== 'ESP')) {
    uncertain.add('nationality');
  }
  // No check digit on the front: only a value read whole under its own label stands.
  if (!labelledSupport.value || labelledSupport.repaired) uncertain.add('support_number');
  const frontLabels = FRONT_FIELDS.filter((f) => c.labels.has(f)).length;
  const backLabels = rows.filter((r) =>
    r.segments.some((sg) => 'label' in sg && sg.label === 'back'),
  ).length;
  const evidence =
    frontLabels +
    (TITLES.some((f) => c.labels.has(f)) ? 1 : 0) +
    (labelledSex === null && shapeSex ? 1 : 0) +
    (!dates.birthSure && dates.birth && dates.expiry ? 1 : 0);
  return {
    document,
    uncertain: [...uncertain],
    recognised:
      number.value !== null &&
      surnames !== null &&
      names.given !== null &&
      frontLabels >= 1 &&
      evidence >= MIN_FRONT_EVIDENCE &&
      backLabels < frontLabels &&
      !c.labels.has('passport'),
  };
};
