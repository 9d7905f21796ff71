import type { OcrDocumentField } from '../../shared/contract/ocr';
import { SAME_CHECK_VALUE } from '../identity/mrz-correct';
import { mrzLinesOf, readMrzText, type MrzInterpretation } from '../identity/mrz-read';
import type { EnginePool, OcrOutput } from './engine-pool';
import { mrzVariant, type MrzVariant, type PreparedPage } from './page-prep';

/** Legacy-engine variants, cheapest first; later ones only run when checks or names are in doubt. */
const LEGACY_LADDER: readonly MrzVariant[] = [
  'otsu',
  'dark30',
  'upscale_dark20',
  'dark45_median5',
  'grey',
];
const MAX_VALID_READINGS = 3;

interface Reading {
  mrz: MrzInterpretation;
  nameConfidence: number;
  confidence: number;
}

export interface MrzOutcome {
  /** Best valid reading, or null when no reading passed every check. */
  mrz: MrzInterpretation | null;
  /** Lines of the best failing reading, for the error's partial data. */
  partialLines: string[] | null;
  uncertain: OcrDocumentField[];
  confidence: number;
}

/** Lowest confidence of a letter on the MRZ line that holds the name. */
const nameLineConfidence = (out: OcrOutput, mrz: MrzInterpretation): number => {
  const mrzLines = out.lines.filter((l) => mrzLinesOf(l.text).length > 0);
  const nameIdx = mrz.format === 'TD1' ? 2 : 0;
  const line = mrzLines.slice(-(mrz.format === 'TD1' ? 3 : 2))[nameIdx];
  if (!line) return 0;
  const letters = line.symbols.filter((s) => /^[A-Z]$/.test(s.text));
  return letters.length > 0 ? Math.min(...letters.map((s) => s.confidence)) : 0;
};

const NAME_FIELDS: OcrDocumentField[] = ['surname1', 'surname2', 'surnames', 'given_names'];
const UNCHECKED: OcrDocumentField[] = ['sex', 'nationality', 'issuing_state'];

/** Foreign alphanumeric numbers may hide a G/6, A/0, K/0 or U/0 swap the check cannot see. */
const hasBlindSpot = (m: MrzInterpretation): boolean =>
  m.document.document_type === 'PASSPORT' &&
  m.document.issuing_state !== 'ESP' &&
  [...(m.document.document_number ?? '')].some((c) => SAME_CHECK_VALUE.has(c)) &&
  /[A-Z]/.test(m.document.document_number ?? '');

/**
 * Name field with `K` read as filler: the LSTM model turns `<` into `K`, so for comparing
 * its reading with the legacy one both are normalised the same way.
 */
const nameParts = (m: MrzInterpretation): { primary: string; secondary: string } => {
  const line = m.format === 'TD1' ? (m.lines[2] ?? '') : (m.lines[0] ?? '').slice(5);
  const norm = line.replace(/K/g, '<').replace(/<+$/, '');
  const idx = norm.indexOf('<<');
  return idx < 0
    ? { primary: norm, secondary: '' }
    : { primary: norm.slice(0, idx), secondary: norm.slice(idx + 2) };
};

/** Name fields on which two readings differ. */
const nameDisagreement = (a: MrzInterpretation, b: MrzInterpretation): OcrDocumentField[] => {
  const x = nameParts(a);
  const y = nameParts(b);
  const out: OcrDocumentField[] = [];
  if (x.primary !== y.primary) out.push('surname1', 'surname2', 'surnames');
  if (x.secondary !== y.secondary) out.push('given_names');
  return out;
};

const decide = (valid: Reading[], witness: MrzInterpretation | null): MrzOutcome => {
  const best = [...valid].sort((a, b) => b.nameConfidence - a.nameConfidence)[0];
  if (!best) return { mrz: null, partialLines: null, uncertain: [], confidence: 0 };
  const uncertain = new Set<OcrDocumentField>();
  // Names have no check digit: vote among the readings, and accept the winner silently only
  // when the independent LSTM reading spells it the same way.
  const names = (r: Reading): string => `${r.mrz.document.surnames}|${r.mrz.document.given_names}`;
  const counts = new Map<string, { n: number; conf: number; r: Reading }>();
  for (const r of valid) {
    const key = names(r);
    const c = counts.get(key) ?? { n: 0, conf: 0, r };
    c.n++;
    c.conf += r.nameConfidence;
    counts.set(key, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || b.conf - a.conf);
  const winner = ranked[0]?.r ?? best;
  if (ranked.length > 1) for (const f of NAME_FIELDS) uncertain.add(f);
  if (!witness) for (const f of NAME_FIELDS) uncertain.add(f);
  else for (const f of nameDisagreement(winner.mrz, witness)) uncertain.add(f);
  for (const f of UNCHECKED) {
    if (new Set(valid.map((r) => r.mrz.document[f])).size > 1) uncertain.add(f);
    if (witness && witness.document[f] !== winner.mrz.document[f]) uncertain.add(f);
  }
  if (hasBlindSpot(winner.mrz)) {
    const numbers = new Set(valid.map((r) => r.mrz.document.document_number));
    if (witness) numbers.add(witness.document.document_number);
    if (numbers.size !== 1 || valid.length + (witness ? 1 : 0) < 2)
      uncertain.add('document_number');
  }
  for (const f of winner.mrz.swappedFields) uncertain.add(f);
  const confidence = Math.min(1, winner.confidence / 100) * (uncertain.size > 0 ? 0.8 : 1);
  return { mrz: winner.mrz, partialLines: null, uncertain: [...uncertain], confidence };
};

const moreChecks = (a: MrzInterpretation, b: MrzInterpretation | null): boolean =>
  !b ||
  Object.values(a.checks).filter(Boolean).length > Object.values(b.checks).filter(Boolean).length;

/**
 * Reads the MRZ band with escalation: the legacy engine on a cheap variant first, checked by
 * an LSTM reading of the same band for the names; more variants only when the checks fail
 * or the two engines disagree on a name.
 */
export const readMrzBand = async (
  pool: EnginePool,
  page: PreparedPage,
  opts: { today: Date; timeoutMs: number },
): Promise<MrzOutcome> => {
  const valid: Reading[] = [];
  let partial: MrzInterpretation | null = null;
  let witness: MrzInterpretation | null | undefined;
  const readWitness = async (): Promise<MrzInterpretation | null> => {
    if (witness === undefined) {
      const out = await pool.recognize('mrz_lstm', await mrzVariant(page, 'grey'), opts.timeoutMs);
      witness = readMrzText(out.text, opts.today);
    }
    return witness;
  };
  for (const variant of LEGACY_LADDER) {
    const out = await pool.recognize('mrz_legacy', await mrzVariant(page, variant), opts.timeoutMs);
    const mrz = readMrzText(out.text, opts.today);
    if (!mrz) continue;
    if (!mrz.valid) {
      if (moreChecks(mrz, partial)) partial = mrz;
      continue;
    }
    valid.push({ mrz, nameConfidence: nameLineConfidence(out, mrz), confidence: out.confidence });
    const w = await readWitness();
    const agrees = w !== null && nameDisagreement(mrz, w).length === 0;
    if ((agrees && !hasBlindSpot(mrz)) || valid.length >= MAX_VALID_READINGS) break;
  }
  if (valid.length === 0) {
    // Last resort: the LSTM reading alone, if it passes every check after correction.
    const w = await readWitness();
    if (w?.valid) return decide([{ mrz: w, nameConfidence: 0, confidence: 0 }], null);
    if (w && moreChecks(w, partial)) partial = w;
    return { mrz: null, partialLines: partial?.lines ?? null, uncertain: [], confidence: 0 };
  }
  return decide(valid, witness ?? null);
};
