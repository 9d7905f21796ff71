import type { OcrDocumentField } from '../../shared/contract/ocr';
import { SAME_CHECK_VALUE } from '../identity/mrz-correct';
import { layoutOf } from '../identity/mrz-layout';
import {
  documentNumberSpan,
  mrzLinesOf,
  nameSpan,
  readMrzText,
  type MrzInterpretation,
} from '../identity/mrz-read';
import type { Budget } from './budget';
import type { EnginePool, OcrOutput } from './engine-pool';
import {
  adoptWitnessSpelling,
  nameDisagreement,
  repairFromWitness,
  witnessNumber,
} from './mrz-witness';
import { mrzVariant, type MrzVariant, type PreparedPage } from './page-prep';

/** Legacy-engine variants, cheapest first; later ones only run when checks or names are in doubt. */
export const LEGACY_LADDER: readonly MrzVariant[] = [
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
  /** Check digits the best failing reading passed; -1 when nothing read looked like an MRZ. */
  partialChecks: number;
  /** The best failing reading itself, for a later pass to start from. */
  partial: MrzInterpretation | null;
  /** False when an LSTM reading was needed for the number and did not agree with it. */
  numberConfirmed: boolean;
  uncertain: OcrDocumentField[];
  confidence: number;
}

const NOTHING: MrzOutcome = {
  mrz: null,
  partialLines: null,
  partialChecks: -1,
  partial: null,
  numberConfirmed: false,
  uncertain: [],
  confidence: 0,
};

/** Lowest confidence of a letter on the MRZ line that holds the name. */
const nameLineConfidence = (out: OcrOutput, mrz: MrzInterpretation): number => {
  const mrzLines = out.lines.filter((l) => mrzLinesOf(l.text).length > 0);
  const line = mrzLines.slice(-layoutOf(mrz.format).lineCount)[nameSpan(mrz.format).line];
  if (!line) return 0;
  const letters = line.symbols.filter((s) => /^[A-Z]$/.test(s.text));
  return letters.length > 0 ? Math.min(...letters.map((s) => s.confidence)) : 0;
};

const NAME_FIELDS: OcrDocumentField[] = ['surname1', 'surname2', 'surnames', 'given_names'];
/** Fields besides the names: two readings that pass every check yet differ mean one is a fluke. */
const OTHER_FIELDS: OcrDocumentField[] = [
  'document_type',
  'document_number',
  'support_number',
  'personal_number',
  'birth_date',
  'expiry_date',
  'sex',
  'nationality',
  'issuing_state',
];

/** Foreign alphanumeric numbers may hide a G/6, A/0, K/0 or U/0 swap the check cannot see. */
const hasBlindSpot = (m: MrzInterpretation): boolean =>
  m.document.document_type === 'PASSPORT' &&
  m.document.issuing_state !== 'ESP' &&
  [...(m.document.document_number ?? '')].some((c) => SAME_CHECK_VALUE.has(c)) &&
  /[A-Z]/.test(m.document.document_number ?? '');

/**
 * Any number but a DNI/NIE (whose control letter is a second check): two look-alike slips can
 * cancel out in the check digit (D/0 at weights 7 and 3), so an LSTM reading must agree.
 */
const needsWitness = (m: MrzInterpretation): boolean =>
  m.document.document_type !== 'DNI' && m.document.document_type !== 'NIE';

/** The names as already decided (voted, witnessed): re-reading the number must not undo them. */
const keepNames = (
  next: MrzInterpretation,
  prev: MrzInterpretation,
): MrzInterpretation['document'] => ({
  ...next.document,
  surname1: prev.document.surname1,
  surname2: prev.document.surname2,
  surnames: prev.document.surnames,
  given_names: prev.document.given_names,
});

const decide = (valid: Reading[], witness: string | null): MrzOutcome => {
  const best = [...valid].sort((a, b) => b.nameConfidence - a.nameConfidence)[0];
  if (!best) return NOTHING;
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
  for (const f of OTHER_FIELDS) {
    if (new Set(valid.map((r) => r.mrz.document[f])).size > 1) uncertain.add(f);
  }
  // The checks cannot see a G/6 or A/0 swap: only a second reading settles it (see below).
  if (hasBlindSpot(winner.mrz)) uncertain.add('document_number');
  for (const f of winner.mrz.swappedFields) uncertain.add(f);
  for (const f of winner.mrz.guessedFields) uncertain.add(f);
  const confidence = Math.min(1, winner.confidence / 100) * (uncertain.size > 0 ? 0.8 : 1);
  return {
    ...NOTHING,
    mrz: winner.mrz,
    numberConfirmed: true,
    uncertain: [...uncertain],
    confidence,
  };
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
  opts: {
    today: Date;
    timeoutMs: number;
    /** Variants to try, in order; the whole ladder by default. */
    variants?: readonly MrzVariant[];
    /** Once spent, no further variant is started. */
    budget?: Budget;
    /** The best failing reading of an earlier pass over the same band. */
    seed?: MrzInterpretation | null;
    /** When no variant passes, mend the best failing reading from an LSTM reading. */
    repair?: boolean;
  },
): Promise<MrzOutcome> => {
  const valid: Reading[] = [];
  let partial: MrzInterpretation | null = opts.seed ?? null;
  const witnesses = new Map<MrzVariant, string>();
  const readWitness = async (m: MrzInterpretation, variant: MrzVariant): Promise<string> => {
    let text = witnesses.get(variant);
    if (text === undefined) {
      const line = { index: nameSpan(m.format).line, count: layoutOf(m.format).lineCount };
      const png = await mrzVariant(page, variant, line);
      const out = await pool.recognize('mrz_lstm', png, opts.timeoutMs);
      text = out.text.toUpperCase().replace(/[^A-Z<]/g, '');
      witnesses.set(variant, text);
    }
    return text;
  };
  // The whole band read by the LSTM engine: a witness for a mend and a third one for names.
  let band: OcrOutput | undefined;
  const readBand = async (): Promise<OcrOutput> =>
    (band ??= await pool.recognize('mrz_lstm', await mrzVariant(page, 'grey'), opts.timeoutMs));
  for (const variant of opts.variants ?? LEGACY_LADDER) {
    if (valid.length === 0 && opts.budget?.spent()) break;
    const out = await pool.recognize('mrz_legacy', await mrzVariant(page, variant), opts.timeoutMs);
    const mrz = readMrzText(out.text, opts.today);
    if (!mrz) continue;
    if (!mrz.valid) {
      if (moreChecks(mrz, partial)) partial = mrz;
      continue;
    }
    valid.push({ mrz, nameConfidence: nameLineConfidence(out, mrz), confidence: out.confidence });
    const agrees = nameDisagreement(mrz, await readWitness(mrz, 'grey')).length === 0;
    if (agrees || valid.length >= MAX_VALID_READINGS) break;
  }
  let mended: OcrDocumentField[] = [];
  if (valid.length === 0 && partial && opts.repair) {
    const out = await readBand();
    const fixed = repairFromWitness(partial, out.text, opts.today);
    if (fixed) {
      valid.push({ mrz: fixed.mrz, nameConfidence: 0, confidence: out.confidence });
      mended = fixed.changed;
    }
  }
  const first = valid[0];
  if (!first) {
    return {
      ...NOTHING,
      partialLines: partial?.lines ?? null,
      partialChecks: partial ? Object.values(partial.checks).filter(Boolean).length : -1,
      partial,
    };
  }
  const witness = await readWitness(first.mrz, 'grey');
  const outcome = decide(valid, witness);
  if (outcome.mrz && nameDisagreement(outcome.mrz, witness).length > 0) {
    const second = await readWitness(first.mrz, 'otsu');
    const third = (await readBand()).text.toUpperCase().replace(/[^A-Z<]/g, '');
    const adopted = adoptWitnessSpelling(outcome.mrz, [witness, second, third]);
    outcome.mrz = adopted.mrz;
    outcome.uncertain.push(...adopted.changed);
  }
  if (outcome.mrz && needsWitness(outcome.mrz)) {
    const lines = layoutOf(outcome.mrz.format).lineCount;
    const index = documentNumberSpan(outcome.mrz.format).line;
    let confirmed = false;
    for (const variant of ['grey', 'otsu'] as const) {
      const png = await mrzVariant(page, variant, { index, count: lines });
      const out = await pool.recognize('mrz_lstm', png, opts.timeoutMs);
      const seen = witnessNumber(
        outcome.mrz,
        out.text.toUpperCase().replace(/[^A-Z0-9<]/g, ''),
        opts.today,
      );
      if (!seen) continue;
      outcome.mrz =
        seen === outcome.mrz ? seen : { ...seen, document: keepNames(seen, outcome.mrz) };
      confirmed = true;
      break;
    }
    outcome.uncertain = outcome.uncertain.filter((f) => f !== 'document_number');
    if (!confirmed) outcome.uncertain.push('document_number');
    outcome.numberConfirmed = confirmed;
  }
  outcome.uncertain = [...new Set([...outcome.uncertain, ...mended])];
  return outcome;
};
