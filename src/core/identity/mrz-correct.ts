import { dniLetter } from '../../shared/document-number';
import { mrzCheckPasses } from './check-digits';
import {
  coveredText,
  cut,
  layoutOf,
  numberExtension,
  type CheckSpec,
  type MrzLayout,
  type Span,
} from './mrz-layout';
import type { MrzMask } from './mrz-masks';

const TO_DIGIT: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  U: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  T: '7',
  B: '8',
  A: '4',
};
const TO_LETTER: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B',
};
/**
 * Swaps tried where a position may hold a letter or a digit. `G/6`, `A/0`, `K/0`, `U/0`
 * have the same check value, so a check can never tell them apart: they are not swaps.
 */
const SWAPS: Record<string, string> = {
  O: '0',
  '0': 'O',
  I: '1',
  '1': 'I',
  B: '8',
  '8': 'B',
  S: '5',
  '5': 'S',
  Z: '2',
  '2': 'Z',
};
export const SAME_CHECK_VALUE = new Set(['G', '6', 'A', '0', 'K', 'U', 'S', '8']);
const MAX_SWAPS_PER_FIELD = 2;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => c >= 'A' && c <= 'Z';

const forceChar = (c: string, cls: string): string => {
  switch (cls) {
    case 'N':
      return isDigit(c) ? c : (TO_DIGIT[c] ?? c);
    case 'n':
      return c === '<' || isDigit(c) ? c : (TO_DIGIT[c] ?? c);
    case 'A':
      return isLetter(c) ? c : (TO_LETTER[c] ?? c);
    case 'a':
      return c === '<' || isLetter(c) ? c : (TO_LETTER[c] ?? c);
    case '<':
      return '<';
    case 'S':
      return c === 'M' || c === 'F' || c === 'X' || c === '<' ? c : c === 'H' ? 'M' : c;
    default:
      return c;
  }
};

/** `K` next to filler at the end of a field is a misread `<` (LSTM models do this on OCR-B). */
const fixTrailingFill = (text: string): string => {
  const m = /[K<]*$/.exec(text);
  if (!m || m[0].length < 2) return text;
  // A lone trailing `K` may end a name (ERIK<<<); three or more never do.
  const run = /^K{3,}/.test(m[0]) ? m[0] : m[0].replace(/^K+/, '');
  if (!run.includes('<') && run.length < 3) return text;
  return text.slice(0, text.length - run.length) + '<'.repeat(run.length);
};

const FILLABLE_FIELDS = ['documentNumber', 'optional1', 'optional2', 'name'] as const;

/** Forces each position to the class the mask allows; returns new lines. */
const applyMask = (lines: readonly string[], mask: MrzMask): string[] => {
  const layout = layoutOf(mask.format);
  const out = lines.map((line, i) => {
    const cls = mask.lines[i] ?? '';
    let forced = '';
    for (let p = 0; p < line.length; p++) forced += forceChar(line[p] ?? '', cls[p] ?? 'x');
    return forced;
  });
  for (const key of FILLABLE_FIELDS) {
    const span = layout.fields[key];
    if (!span) continue;
    const line = out[span.line] ?? '';
    out[span.line] =
      line.slice(0, span.start) + fixTrailingFill(cut(out, span)) + line.slice(span.end);
  }
  return out;
};

const checkPasses = (lines: readonly string[], check: CheckSpec): boolean => {
  const more = numberExtension(lines, check);
  if (more.length >= 2) {
    return mrzCheckPasses(coveredText(lines, check) + more.slice(0, -1), more.slice(-1));
  }
  return mrzCheckPasses(coveredText(lines, check), cut(lines, check.digit));
};

const setChar = (lines: string[], line: number, pos: number, ch: string): void => {
  const text = lines[line] ?? '';
  lines[line] = text.slice(0, pos) + ch + text.slice(pos + 1);
};

interface Position {
  line: number;
  pos: number;
  alt: string;
}

const swappable = (lines: readonly string[], spans: readonly Span[], mask: MrzMask): Position[] => {
  const out: Position[] = [];
  for (const span of spans) {
    for (let pos = span.start; pos < span.end; pos++) {
      const cls = mask.lines[span.line]?.[pos] ?? '';
      if (cls !== 'X' && cls !== 'x') continue;
      const alt = SWAPS[lines[span.line]?.[pos] ?? ''];
      if (alt) out.push({ line: span.line, pos, alt });
    }
  }
  return out;
};

/** Every way to pick `k` positions, as index lists. */
const combinations = (n: number, k: number): number[][] => {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const rec = (start: number, acc: number[]): void => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
  };
  rec(0, []);
  return out;
};

/**
 * Fewest confusion swaps (at most 2) inside `spans` that make `passes` true. Only a unique
 * answer is kept: two different fixes at the same cost mean the check cannot decide.
 */
const searchSwaps = (
  lines: string[],
  spans: readonly Span[],
  mask: MrzMask,
  passes: (candidate: readonly string[]) => boolean,
): { lines: string[]; swaps: number } | null => {
  const positions = swappable(lines, spans, mask);
  for (let k = 1; k <= Math.min(MAX_SWAPS_PER_FIELD, positions.length); k++) {
    const found: string[][] = [];
    for (const combo of combinations(positions.length, k)) {
      const candidate = [...lines];
      for (const idx of combo) {
        const p = positions[idx];
        if (p) setChar(candidate, p.line, p.pos, p.alt);
      }
      if (passes(candidate)) found.push(candidate);
    }
    if (found.length === 1 && found[0]) return { lines: found[0], swaps: k };
    if (found.length > 1) return null;
  }
  return null;
};

export interface CorrectedMrz {
  mask: MrzMask;
  lines: string[];
  checks: Record<string, boolean>;
  swaps: number;
  /** Characters the mask had to change (a letter read where a digit belongs...). */
  forced: number;
  /** Positions whose character still does not fit the mask: the mask is the wrong one. */
  misfits: number;
  /** Checks satisfied only after swaps: one in ten wrong swaps passes a check by chance. */
  swapped: string[];
}

const sameSpan = (a: Span, b: Span): boolean =>
  a.line === b.line && a.start === b.start && a.end === b.end;

const spansWithoutOwnCheck = (layout: MrzLayout): Span[] =>
  [layout.fields.optional1, layout.fields.optional2].filter(
    (s): s is Span =>
      s !== null &&
      !layout.checks.some((c) => c.key !== 'composite' && c.covers.some((cv) => sameSpan(cv, s))),
  );

/** Where the Spanish DNI/NIE (8 characters + control letter) sits for each Spanish mask. */
const ID_POSITION: Partial<Record<MrzMask['kind'], { line: number; start: number }>> = {
  dni: { line: 0, start: 15 },
  tie: { line: 0, start: 15 },
  esp_passport: { line: 1, start: 28 },
};

/**
 * The legacy engine misreads some capitals on OCR-B (W as H or N). A DNI/NIE control letter
 * is fully determined by its digits, so a wrong letter may be replaced by the computed one,
 * but only when every check digit (composite included, which covers the letter) then
 * passes. The caller flags the number for the clerk all the same.
 */
const fixIdLetter = (lines: string[], mask: MrzMask, layout: MrzLayout): string[] | null => {
  const at = ID_POSITION[mask.kind];
  if (!at) return null;
  const id = (lines[at.line] ?? '').slice(at.start, at.start + 9);
  const m = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(id);
  if (!m) return null;
  const prefix = 'XYZ'.indexOf(m[1] ?? '');
  const number = Number(`${prefix >= 0 ? prefix : (m[1] ?? '')}${m[2] ?? ''}`);
  const letter = dniLetter(number);
  if (letter === m[3]) return null;
  const candidate = [...lines];
  setChar(candidate, at.line, at.start + 8, letter);
  return layout.checks.every((c) => checkPasses(candidate, c)) ? candidate : null;
};

const fits = (c: string, cls: string): boolean => {
  switch (cls) {
    case 'A':
      return isLetter(c);
    case 'a':
      return c === '<' || isLetter(c);
    case 'N':
      return isDigit(c);
    case 'n':
      return c === '<' || isDigit(c);
    case 'X':
      return isLetter(c) || isDigit(c);
    case '<':
      return c === '<';
    case 'S':
      return c === 'M' || c === 'F' || c === 'X' || c === '<';
    default:
      return true;
  }
};

const countPositions = (
  lines: readonly string[],
  test: (c: string, cls: string, line: number, pos: number) => boolean,
  mask: MrzMask,
): number => {
  let n = 0;
  lines.forEach((line, i) => {
    for (let p = 0; p < line.length; p++)
      if (test(line[p] ?? '', mask.lines[i]?.[p] ?? 'x', i, p)) n++;
  });
  return n;
};

/** Whether the Spanish DNI/NIE of a Spanish mask carries its right control letter. */
export const idLetterValid = (lines: readonly string[], mask: MrzMask): boolean | null => {
  const at = ID_POSITION[mask.kind];
  if (!at) return null;
  const id = (lines[at.line] ?? '').slice(at.start, at.start + 9);
  const m = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(id);
  if (!m) return false;
  if (mask.kind === 'tie' && !/^[XYZ]/.test(id)) return false;
  if (mask.kind !== 'tie' && !/^\d/.test(id)) return false;
  const prefix = 'XYZ'.indexOf(m[1] ?? '');
  return dniLetter(Number(`${prefix >= 0 ? prefix : (m[1] ?? '')}${m[2] ?? ''}`)) === m[3];
};

/** Forces classes, then repairs failing check digits with bounded confusion swaps. */
export const correctMrz = (rawLines: readonly string[], mask: MrzMask): CorrectedMrz => {
  const layout = layoutOf(mask.format);
  let lines = applyMask(rawLines, mask);
  const forced = countPositions(lines, (c, _cls, i, p) => c !== rawLines[i]?.[p], mask);
  let swaps = 0;
  const swapped: string[] = [];
  const composite = layout.checks.find((c) => c.key === 'composite');
  for (const check of layout.checks) {
    if (check === composite || checkPasses(lines, check)) continue;
    const fixed = searchSwaps(lines, [...check.covers, check.digit], mask, (c) =>
      checkPasses(c, check),
    );
    if (fixed) {
      lines = fixed.lines;
      swaps += fixed.swaps;
      swapped.push(check.key);
    }
  }
  const fieldsOk = layout.checks.every((c) => c === composite || checkPasses(lines, c));
  if (composite && fieldsOk && !checkPasses(lines, composite)) {
    // Only data with no check of its own may change to satisfy the composite.
    const fixed = searchSwaps(lines, spansWithoutOwnCheck(layout), mask, (c) =>
      checkPasses(c, composite),
    );
    if (fixed) {
      lines = fixed.lines;
      swaps += fixed.swaps;
      swapped.push(composite.key);
    }
  }
  const letterFix = fixIdLetter(lines, mask, layout);
  if (letterFix) {
    lines = letterFix;
    swaps += 1;
    swapped.push('id_letter');
  }
  const checks: Record<string, boolean> = {};
  for (const check of layout.checks) checks[check.key] = checkPasses(lines, check);
  const misfits = countPositions(lines, (c, cls) => !fits(c, cls), mask);
  return { mask, lines, checks, swaps, swapped, forced, misfits };
};
