import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readMrzText } from '../src/core/identity/mrz-read';
import { createOcrService } from '../src/core/ocr';
import { isAppError } from '../src/shared/errors';
import {
  firstSource,
  secondSource,
  specimenSource,
  SPECIMENS_DIR,
  type BenchCase,
  type Group,
} from './helpers/ocr-sources';

/**
 * `npm run bench -- ocr`, per source: the first generator (grown with the reader), the second
 * (independent of it) and the ICAO specimens. For each: documents fully right by group (MRZ,
 * front, negatives refused with a right code), the misses split into flagged for the clerk,
 * refused, and wrong-but-unflagged (a returned field that is wrong and not in `uncertain`: the
 * figure that matters most); seconds per image against the native `tesseract` CLI on the same
 * images in the same run. Knobs: OCR_BENCH_SOURCES (default first,second,specimens),
 * OCR_BENCH_PER_KIND (first generator, default 8), OCR_SECOND_PER_KIND (second, default 9),
 * OCR_BENCH_ONLY (a file-name regex), OCR_BENCH_NATIVE=0, OCR_BENCH_VERBOSE=1.
 */
const run = promisify(execFile);
const started = performance.now();
const sources = (process.env.OCR_BENCH_SOURCES ?? 'first,second,specimens').split(',');
const perKind = Number(process.env.OCR_BENCH_PER_KIND ?? 8);
const only = process.env.OCR_BENCH_ONLY ? new RegExp(process.env.OCR_BENCH_ONLY) : null;
const verbose = process.env.OCR_BENCH_VERBOSE === '1';
const withNative = process.env.OCR_BENCH_NATIVE !== '0';
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()} (${cpus().length} CPUs)`);

const cases: BenchCase[] = [];
const g0 = performance.now();
if (sources.includes('first')) cases.push(...(await firstSource(perKind)));
if (sources.includes('second')) cases.push(...(await secondSource(only)));
if (sources.includes('specimens')) {
  const s = specimenSource();
  if (s) cases.push(...s);
  else console.log(`specimens: none at ${SPECIMENS_DIR}, skipped`);
}
console.log(`inputs ready in ${((performance.now() - g0) / 1000).toFixed(0)} s`);
const selected = cases.filter((c) => !only || only.test(c.label));

const accepts = (c: BenchCase, k: string, got: unknown): boolean =>
  got === c.expected?.[k] || (c.alsoAccept?.[k] ?? []).includes(got);
const wrongFields = (c: BenchCase, doc: Record<string, unknown>): string[] =>
  Object.entries(c.expected ?? {})
    .filter(([k]) => !accepts(c, k, doc[k]))
    .map(([k, v]) => `${k}: got ${JSON.stringify(doc[k])} want ${JSON.stringify(v)}`);

type Outcome = 'right' | 'flagged' | 'refused' | 'unflagged' | 'rejected' | 'rejected-other';
type Row = {
  c: BenchCase;
  outcome: Outcome;
  wrongUnflagged: number;
  ms: number;
  nativeMs: number | null;
  nativeRight: boolean;
};

const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-bench-'));
const service = createOcrService({ cacheDir: cache });
// Worker start-up is not part of a warm reading: warm the pool the way the app does.
const w0 = performance.now();
await service.warmUp();
const warmUpMs = performance.now() - w0;

const native = async (c: BenchCase): Promise<{ ms: number; right: boolean }> => {
  const n0 = performance.now();
  const res = await run(
    'tesseract',
    [c.path, 'stdout', '-l', c.group === 'front' ? 'spa' : 'eng'],
    {
      maxBuffer: 1 << 24,
    },
  ).catch(() => ({ stdout: '' }));
  const ms = performance.now() - n0;
  if (c.group !== 'mrz') return { ms, right: false };
  // Plain settings, whole image; scored by the same MRZ parser on the lines with fillers.
  const m = readMrzText(
    res.stdout
      .split('\n')
      .filter((l) => l.includes('<'))
      .join('\n'),
  );
  return { ms, right: Boolean(m?.valid && wrongFields(c, m.document).length === 0) };
};

const rows: Row[] = [];
for (const c of selected) {
  const bytes = readFileSync(c.path);
  let outcome: Outcome;
  let wrongUnflagged = 0;
  let line: string;
  const t0 = performance.now();
  try {
    const r = await service.readDocument(bytes);
    const wrong = wrongFields(c, r.document);
    const unflagged = wrong.filter((w) => !r.uncertain.includes(w.split(':')[0] as never));
    wrongUnflagged = c.group === 'negative' ? 1 : unflagged.length;
    outcome =
      c.group === 'negative' || unflagged.length > 0
        ? 'unflagged'
        : wrong.length > 0
          ? 'flagged'
          : 'right';
    line =
      c.group === 'negative'
        ? 'ACCEPTED NEGATIVE'
        : outcome === 'right'
          ? 'ok'
          : `${outcome === 'flagged' ? 'flagged' : 'WRONG UNFLAGGED'} ${wrong.join('; ')} uncertain=${r.uncertain.join(',')}`;
  } catch (err) {
    const code = isAppError(err) ? err.code : String(err);
    outcome =
      c.group !== 'negative'
        ? 'refused'
        : (c.expectError ?? []).includes(code)
          ? 'rejected'
          : 'rejected-other';
    line = `error ${code}${outcome === 'rejected-other' ? ` (want ${(c.expectError ?? []).join('|')})` : ''}`;
  }
  const ms = performance.now() - t0;
  // The baseline reads the same document images; negatives are not timed on either side.
  const n = withNative && c.group !== 'negative' ? await native(c) : null;
  rows.push({
    c,
    outcome,
    wrongUnflagged,
    ms,
    nativeMs: n?.ms ?? null,
    nativeRight: n?.right ?? false,
  });
  if (verbose || (outcome !== 'right' && outcome !== 'rejected')) {
    console.log(`${c.source.padEnd(9)} ${c.label.padEnd(48)} ${line}`);
  }
}
await service.close();
rmSync(cache, { recursive: true, force: true });

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const col = (v: string | number, w: number): string => String(v).padStart(w);
const count = (rs: Row[], o: Outcome): number => rs.filter((r) => r.outcome === o).length;
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const GROUPS: Group[] = ['mrz', 'front', 'negative'];

console.log(
  `\nsource     group        n  fully right       flagged refused  wrong-unflagged   native CLI fully right`,
);
const bySource = [...new Set(rows.map((r) => r.c.source))];
for (const s of bySource) {
  for (const g of GROUPS) {
    const rs = rows.filter((r) => r.c.source === s && r.c.group === g);
    if (rs.length === 0) continue;
    const ok = g === 'negative' ? count(rs, 'rejected') : count(rs, 'right');
    const nativeShare =
      g === 'mrz' && withNative ? pct(rs.filter((r) => r.nativeRight).length, rs.length) : 'n/a';
    const refused = g === 'negative' ? `${count(rs, 'rejected-other')}*` : count(rs, 'refused');
    console.log(
      `${s.padEnd(10)} ${g.padEnd(9)} ${col(rs.length, 4)}  ${col(`${ok}/${rs.length}`, 7)} ${col(pct(ok, rs.length), 6)}  ${col(count(rs, 'flagged'), 7)} ${col(refused, 7)}  ${col(count(rs, 'unflagged'), 15)}   ${nativeShare}`,
    );
  }
}
console.log(
  '(negatives: fully right = refused with an expected code; * = refused with another code)',
);

const breakdown = (s: string, key: (c: BenchCase) => string, title: string): void => {
  const rs = rows.filter((r) => r.c.source === s && r.c.group !== 'negative');
  const keys = [...new Set(rs.map((r) => key(r.c)))].sort();
  const cells = keys.map((k) => {
    const ks = rs.filter((r) => key(r.c) === k);
    const bad = ks.filter((r) => r.outcome === 'unflagged').length;
    return `${k} ${count(ks, 'right')}/${ks.length}${bad ? ` (${bad} unflagged)` : ''}`;
  });
  console.log(`${s} by ${title}: ${cells.join(', ')}`);
};
if (bySource.includes('second')) {
  console.log('');
  breakdown('second', (c) => c.document, 'document');
  breakdown('second', (c) => c.condition, 'condition');
}

for (const s of bySource) {
  const rs = rows.filter((r) => r.c.source === s);
  const mrz = rs.filter((r) => r.c.group === 'mrz');
  const front = rs.filter((r) => r.c.group === 'front');
  const neg = rs.filter((r) => r.c.group === 'negative');
  const docs = rs.filter((r) => r.c.group !== 'negative');
  const unflaggedDocs = count(rs, 'unflagged');
  const unflaggedFields = rs.reduce((a, r) => a + r.wrongUnflagged, 0);
  const oursS = mean(docs.map((r) => r.ms)) / 1000;
  const nativeS = mean(docs.flatMap((r) => (r.nativeMs === null ? [] : [r.nativeMs]))) / 1000;
  console.log(`\n[${s}]`);
  if (mrz.length)
    console.log(
      `MRZ documents fully right: ${count(mrz, 'right')}/${mrz.length} (${pct(count(mrz, 'right'), mrz.length)}; target >= 97%: ${verdict(count(mrz, 'right') / mrz.length >= 0.97)})`,
    );
  if (front.length)
    console.log(
      `fronts fully right: ${count(front, 'right')}/${front.length} (${pct(count(front, 'right'), front.length)}; target >= 90%: ${verdict(count(front, 'right') / front.length >= 0.9)})`,
    );
  if (neg.length)
    console.log(
      `negatives refused: ${neg.length - count(neg, 'unflagged')}/${neg.length}, with an expected code ${count(neg, 'rejected')}/${neg.length}; accepted ${count(neg, 'unflagged')} (target 0: ${verdict(count(neg, 'unflagged') === 0)})`,
    );
  console.log(
    `wrong-but-unflagged: ${unflaggedDocs} documents, ${unflaggedFields} fields (target 0: ${verdict(unflaggedDocs === 0)})`,
  );
  console.log(
    `seconds per image: ventanilla ${oursS.toFixed(2)} s over ${docs.length}` +
      (withNative && nativeS > 0
        ? `, native tesseract CLI ${nativeS.toFixed(2)} s, ratio ${(oursS / nativeS).toFixed(2)} (target <= 1: ${verdict(oursS <= nativeS)})`
        : ' (native baseline skipped)'),
  );
}
console.log(`\npool warm-up: ${warmUpMs.toFixed(0)} ms`);
console.log(
  `load average at end: ${load()}; wall time ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
