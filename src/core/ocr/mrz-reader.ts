import type { OcrDocumentField } from '../../shared/contract/ocr';
import { SAME_CHECK_VALUE } from '../identity/mrz-correct';
import { mrzLinesOf, readMrzText, type MrzInterpretation } from '../identity/mrz-read';
import type { EngineKind, EnginePool, OcrOutput } from './engine-pool';
import { mrzVariant, type MrzVariant, type PreparedPage } from './page-prep';

/** Cheapest first; later steps only run when the checks fail or a name is doubtful. */
const LADDER: ReadonlyArray<{ engine: EngineKind; variant: MrzVariant }> = [
  { engine: 'mrz_legacy', variant: 'otsu' },
  { engine: 'mrz_legacy', variant: 'dark30' },
  { engine: 'mrz_legacy', variant: 'upscale_dark20' },
  { engine: 'mrz_legacy', variant: 'dark45_median5' },
  { engine: 'mrz_legacy', variant: 'grey' },
  { engine: 'mrz_lstm', variant: 'grey' },
];

/** Legacy symbol confidence (0-100) below which a name letter needs a second opinion. */
const SURE_NAME_CONFIDENCE = 75;

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

const decide = (valid: Reading[]): MrzOutcome => {
  // Weighted vote: readings that agree with each other win; ties go to the most confident.
  const best = [...valid].sort((a, b) => b.nameConfidence - a.nameConfidence)[0];
  if (!best) return { mrz: null, partialLines: null, uncertain: [], confidence: 0 };
  const uncertain = new Set<OcrDocumentField>();
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
  if (ranked.length > 1 || (valid.length === 1 && winner.nameConfidence < SURE_NAME_CONFIDENCE)) {
    for (const f of NAME_FIELDS) uncertain.add(f);
  }
  for (const f of UNCHECKED) {
    if (new Set(valid.map((r) => r.mrz.document[f])).size > 1) uncertain.add(f);
  }
  if (
    hasBlindSpot(winner.mrz) &&
    new Set(valid.map((r) => r.mrz.document.document_number)).size !== 1
  ) {
    uncertain.add('document_number');
  }
  if (hasBlindSpot(winner.mrz) && valid.length < 2) uncertain.add('document_number');
  for (const f of winner.mrz.swappedFields) uncertain.add(f);
  const confidence = Math.min(1, winner.confidence / 100) * (uncertain.size > 0 ? 0.8 : 1);
  return { mrz: winner.mrz, partialLines: null, uncertain: [...uncertain], confidence };
};

/**
 * Reads the MRZ band with escalation: stop at the first reading that passes every check and
 * whose name letters are confidently read; otherwise gather more readings and vote.
 */
export const readMrzBand = async (
  pool: EnginePool,
  page: PreparedPage,
  opts: { today: Date; timeoutMs: number },
): Promise<MrzOutcome> => {
  const valid: Reading[] = [];
  let partial: MrzInterpretation | null = null;
  for (const step of LADDER) {
    const png = await mrzVariant(page, step.variant);
    const out = await pool.recognize(step.engine, png, opts.timeoutMs);
    const mrz = readMrzText(out.text, opts.today);
    if (!mrz) continue;
    if (!mrz.valid) {
      if (
        !partial ||
        Object.values(mrz.checks).filter(Boolean).length >
          Object.values(partial.checks).filter(Boolean).length
      )
        partial = mrz;
      continue;
    }
    const reading = {
      mrz,
      nameConfidence: step.engine === 'mrz_lstm' ? 0 : nameLineConfidence(out, mrz),
      confidence: out.confidence,
    };
    valid.push(reading);
    const sure = reading.nameConfidence >= SURE_NAME_CONFIDENCE && !hasBlindSpot(mrz);
    if (sure || valid.length >= 3) break;
    // Two agreeing readings settle a doubtful name.
    if (valid.length === 2 && new Set(valid.map((r) => JSON.stringify(r.mrz.document))).size === 1)
      break;
  }
  if (valid.length === 0) {
    return { mrz: null, partialLines: partial?.lines ?? null, uncertain: [], confidence: 0 };
  }
  return decide(valid);
};
