import type { OcrDocumentField } from '../../shared/contract/ocr';
import { layoutOf } from '../identity/mrz-layout';
import {
  documentNumberSpan,
  nameSpan,
  readMrzText,
  withNameField,
  type MrzInterpretation,
} from '../identity/mrz-read';

/**
 * Second opinions on a legacy-engine MRZ reading from LSTM readings of the same band: the two
 * engines fail on different glyphs, so where they agree (or a check digit backs one of them)
 * the reading stands; where they do not, the field is the clerk's to confirm.
 */

const nameField = (m: MrzInterpretation): string => {
  const span = nameSpan(m.format);
  return (m.lines[span.line] ?? '').slice(span.start);
};

const wordsOf = (field: string): { primary: string[]; secondary: string[] } => {
  const idx = field.indexOf('<<');
  const split = (s: string): string[] => s.split('<').filter((w) => w.length > 0);
  return idx < 0
    ? { primary: split(field), secondary: [] }
    : { primary: split(field.slice(0, idx)), secondary: split(field.slice(idx + 2)) };
};

/**
 * Name fields whose words the witness (an LSTM reading of the name line) does not contain.
 * The LSTM model garbles fillers (`<` as `K`, `L`, `KL`...) but reads letters well, so the
 * test is whether each word of the legacy reading appears in the witness text.
 */
export const nameDisagreement = (m: MrzInterpretation, witness: string): OcrDocumentField[] => {
  const { primary, secondary } = wordsOf(nameField(m));
  const out: OcrDocumentField[] = [];
  if (primary.some((w) => !witness.includes(w))) out.push('surname1', 'surname2', 'surnames');
  if (secondary.some((w) => !witness.includes(w))) out.push('given_names');
  return out;
};

/** Substrings of `text` as long as `word`, differing from it in exactly one letter. */
const nearSpellings = (word: string, text: string): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + word.length <= text.length; i++) {
    const cand = text.slice(i, i + word.length);
    if (!/^[A-Z]+$/.test(cand)) continue;
    let diff = 0;
    for (let j = 0; j < word.length && diff < 2; j++) if (cand[j] !== word[j]) diff++;
    if (diff === 1) out.add(cand);
  }
  return out;
};

/** Document fields whose value differs between two readings of one MRZ. */
const changedFields = (a: MrzInterpretation, b: MrzInterpretation): OcrDocumentField[] =>
  (Object.keys(b.document) as OcrDocumentField[]).filter((k) => a.document[k] !== b.document[k]);

/** What the legacy engine makes of a wide OCR-B capital when blur closes its strokes. */
const LEGACY_SLIPS: Record<string, string> = { M: 'HN', W: 'NHU' };

/** `witness` differs from the legacy `word` only where the legacy engine slips that way. */
const isLegacySlip = (word: string, witness: string): boolean =>
  [...word].every((c, i) => c === witness[i] || (LEGACY_SLIPS[witness[i] ?? ''] ?? '').includes(c));

/**
 * When the LSTM readings of the name line spell a word one letter away from the legacy
 * reading, take a spelling two of them agree on if it has more votes than the legacy one
 * (the legacy reading and each witness that reads it so; two witnesses may share a
 * binarisation and its slips), or else one that undoes a known slip of the legacy engine (M
 * read as H, W as N) when no witness has the legacy spelling. The fields it changed are
 * returned, for the clerk to confirm.
 */
export const adoptWitnessSpelling = (
  m: MrzInterpretation,
  witnesses: readonly string[],
): { mrz: MrzInterpretation; changed: OcrDocumentField[] } => {
  const field = nameField(m);
  let fixed = field;
  for (const word of [...new Set(field.split('<').filter((w) => w.length >= 3))]) {
    if (witnesses.every((w) => w.includes(word))) continue;
    const votes = new Map<string, number>();
    for (const w of witnesses)
      for (const c of nearSpellings(word, w)) votes.set(c, (votes.get(c) ?? 0) + 1);
    const [top, next] = [...votes].sort((a, b) => b[1] - a[1]);
    const kept = 1 + witnesses.filter((w) => w.includes(word)).length;
    const slips = [...votes.keys()].filter((c) => isLegacySlip(word, c));
    const unseen = witnesses.every((w) => !w.includes(word));
    const only =
      top && top[1] >= 2 && top[1] > kept && top[1] > (next?.[1] ?? 0)
        ? top[0]
        : unseen && slips.length === 1
          ? slips[0]
          : undefined;
    if (only) fixed = fixed.replace(new RegExp(`(^|<)${word}(?=<|$)`), `$1${only}`);
  }
  if (fixed === field) return { mrz: m, changed: [] };
  const mrz = withNameField(m, fixed);
  return { mrz, changed: changedFields(m, mrz) };
};

/** Windows of a line as long as the number, and one longer less one glyph (LSTM doubles some). */
const numberWindows = (line: string, len: number): string[] => {
  const out = new Set<string>();
  for (let i = 0; i + len <= line.length; i++) {
    out.add(line.slice(i, i + len));
    const more = line.slice(i, i + len + 1);
    if (more.length === len + 1)
      for (let k = 0; k <= len; k++) out.add(more.slice(0, k) + more.slice(k + 1));
  }
  return [...out];
};

/** Glyphs the engines take for one another on OCR-B: a replacement may only swap these. */
const LOOK_ALIKE = ['0ODQ', '1IL', '2Z', '5S', '8B', '6G', '4A', '7T'];
const lookAlike = (a: string, b: string): boolean =>
  LOOK_ALIKE.some((g) => g.includes(a) && g.includes(b));

export const witnessNumber = (
  m: MrzInterpretation,
  lstmLine: string,
  today: Date,
): MrzInterpretation | null => {
  const span = documentNumberSpan(m.format);
  const line = m.lines[span.line] ?? '';
  const len = span.end - span.start;
  const ours = line.slice(span.start, span.end);
  if (numberWindows(lstmLine, len).includes(ours)) return m;
  // A replacement: a plain window (no dropped glyph), one or two look-alike swaps, every check
  // passing with no repair, and no other window doing the same.
  const found = new Map<string, MrzInterpretation>();
  for (let i = 0; i + len <= lstmLine.length; i++) {
    const cand = lstmLine.slice(i, i + len);
    const diffs = [...cand].flatMap((c, j) => (c === ours[j] ? [] : [[c, ours[j] ?? '']]));
    if (diffs.length === 0 || diffs.length > 2) continue;
    if (!diffs.every(([a, b]) => lookAlike(a ?? '', b ?? ''))) continue;
    const lines = [...m.lines];
    lines[span.line] = line.slice(0, span.start) + cand + line.slice(span.end);
    const again = readMrzText(lines.join('\n'), today);
    if (again?.valid && again.swaps === 0 && again.format === m.format) found.set(cand, again);
  }
  const [only] = found.values();
  return found.size === 1 && only ? only : null;
};

/** At most this many glyphs of a field may come from the witness. */
const MAX_WITNESS_GLYPHS = 2;

/**
 * A reading that fails a check digit, mended from an LSTM reading of the band: the legacy
 * engine misreads a few OCR-B capitals (W as H, N or U) that the LSTM engine reads right. A
 * failing field (with its check digit) is replaced by a window of the LSTM text that differs
 * from it in one or two letters or digits; the mend stands only when every check then
 * passes with no swap, and no other window does the same. The two engines disagreed, so the
 * fields it changed are returned for the clerk to confirm.
 */
export const repairFromWitness = (
  m: MrzInterpretation,
  lstmText: string,
  today: Date,
): { mrz: MrzInterpretation; changed: OcrDocumentField[] } | null => {
  const layout = layoutOf(m.format);
  const witnessLines = lstmText
    .toUpperCase()
    .split('\n')
    .map((l) => l.replace(/[^A-Z0-9<]/g, ''));
  const found = new Map<string, MrzInterpretation>();
  for (const check of layout.checks) {
    const [covers] = check.covers;
    if (check.key === 'composite' || m.checks[check.key] || !covers || check.covers.length > 1)
      continue;
    if (covers.line !== check.digit.line || covers.end !== check.digit.start) continue;
    const line = m.lines[covers.line] ?? '';
    const ours = line.slice(covers.start, check.digit.end);
    for (const text of witnessLines) {
      for (let i = 0; i + ours.length <= text.length; i++) {
        const window = text.slice(i, i + ours.length);
        let diffs = 0;
        let blocked = false;
        // Fillers are kept as read: the LSTM engine writes `<` as K, L or C.
        const cand = [...ours]
          .map((c, j) => {
            const w = window[j] ?? '';
            if (c === '<' || c === w) return c;
            if (w === '<') blocked = true;
            diffs++;
            return w;
          })
          .join('');
        if (blocked || diffs === 0 || diffs > MAX_WITNESS_GLYPHS) continue;
        const lines = [...m.lines];
        lines[covers.line] = line.slice(0, covers.start) + cand + line.slice(check.digit.end);
        const again = readMrzText(lines.join('\n'), today);
        if (again?.valid && again.swaps === 0 && again.format === m.format) {
          found.set(again.lines.join('\n'), again);
        }
      }
    }
  }
  const [only] = found.values();
  return found.size === 1 && only ? { mrz: only, changed: changedFields(m, only) } : null;
};
