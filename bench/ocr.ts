import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readMrzText } from '../src/core/identity/mrz-read';
import { createOcrService } from '../src/core/ocr';
import { isAppError } from '../src/shared/errors';
import { ensureFixtures, GENERATED_DIR, type FixtureEntry } from '../tests/fixtures/cards/generate';

/**
 * `npm run bench -- ocr`: per kind, the share fully right (every check and every field), how
 * the misses split into flagged for the clerk, refused with an error, or silently wrong; the
 * warm median ms per image; and the same images through the native `tesseract` CLI (plain
 * settings) in the same run. OCR_BENCH_PER_KIND (default 8 people per kind, 8 degradations
 * each), OCR_BENCH_ONLY (a file-name regex), OCR_BENCH_NATIVE=0 (skip the baseline while
 * tuning), OCR_BENCH_VERBOSE=1 (a line per image, not only the misses).
 */
const run = promisify(execFile);
const started = performance.now();
const perKind = Number(process.env.OCR_BENCH_PER_KIND ?? 8);
const only = process.env.OCR_BENCH_ONLY;
const verbose = process.env.OCR_BENCH_VERBOSE === '1';
const withNative = process.env.OCR_BENCH_NATIVE !== '0';
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()} (${cpus().length} CPUs)`);

const manifest = await ensureFixtures(perKind);
const entries = manifest.entries.filter(
  (e) =>
    (e.kind === 'negative' || Number(e.file.split('-')[1]) < perKind) &&
    (!only || new RegExp(only).test(e.file)),
);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2;
};
const wrongFields = (e: FixtureEntry, doc: Record<string, unknown>): string[] =>
  Object.entries(e.expected ?? {})
    .filter(([k, v]) => doc[k] !== v)
    .map(([k, v]) => `${k}: got ${JSON.stringify(doc[k])} want ${JSON.stringify(v)}`);

const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-bench-'));
const service = createOcrService({ cacheDir: cache });
// Worker start-up is not part of a warm reading: warm the pool the way the app does.
const w0 = performance.now();
await service.warmUp();
const warmUpMs = performance.now() - w0;

type Tally = { n: number; right: number; flagged: number; refused: number; silentWrong: number };
const tallies = new Map<string, Tally>();
const nativeTallies = new Map<string, Tally>();
const ours: number[] = [];
const native: number[] = [];
const bump = (m: Map<string, Tally>, k: string): Tally => {
  const t = m.get(k) ?? { n: 0, right: 0, flagged: 0, refused: 0, silentWrong: 0 };
  m.set(k, t);
  t.n++;
  return t;
};

for (const e of entries) {
  const bytes = readFileSync(join(GENERATED_DIR, e.file));
  const t = bump(tallies, e.kind);
  let line: string;
  const t0 = performance.now();
  // Timed on the card images only, the same ones the native CLI reads.
  const timed = (): void => {
    if (e.kind !== 'negative') ours.push(performance.now() - t0);
  };
  try {
    const r = await service.readDocument(bytes);
    timed();
    if (e.kind === 'negative') {
      t.silentWrong++;
      line = 'ACCEPTED NEGATIVE';
    } else {
      const wrong = wrongFields(e, r.document);
      const unflagged = wrong.filter((w) => !r.uncertain.includes(w.split(':')[0] as never));
      if (wrong.length === 0) t.right++;
      else if (unflagged.length === 0) t.flagged++;
      else t.silentWrong++;
      line =
        wrong.length === 0
          ? 'ok'
          : `${unflagged.length === 0 ? 'flagged' : 'SILENTLY WRONG'} ${wrong.join('; ')} uncertain=${r.uncertain.join(',')}`;
    }
  } catch (err) {
    timed();
    const code = isAppError(err) ? err.code : String(err);
    if (e.kind === 'negative' && code === e.expectError) t.right++;
    else if (e.kind !== 'negative') t.refused++;
    line = `error ${code}${e.kind === 'negative' && code !== e.expectError ? ` (want ${e.expectError})` : ''}`;
  }
  if (withNative && e.kind !== 'negative') {
    // Native CLI, plain settings, whole image; MRZ kinds scored by the same MRZ parser.
    const nt = bump(nativeTallies, e.kind);
    const n0 = performance.now();
    const res = await run(
      'tesseract',
      [join(GENERATED_DIR, e.file), 'stdout', '-l', e.kind === 'dni_front' ? 'spa' : 'eng'],
      { maxBuffer: 1 << 24 },
    ).catch(() => ({ stdout: '' }));
    native.push(performance.now() - n0);
    const mrzLines = res.stdout
      .split('\n')
      .filter((l) => l.includes('<'))
      .join('\n');
    const m = e.kind === 'dni_front' ? null : readMrzText(mrzLines);
    if (m?.valid && wrongFields(e, m.document).length === 0) nt.right++;
  }
  if (verbose || line !== 'ok') console.log(`${e.file.padEnd(34)} ${line}`);
}
await service.close();
rmSync(cache, { recursive: true, force: true });

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const col = (v: string | number, w: number): string => String(v).padStart(w);
console.log(
  `\nkind          n  fully right        flagged  refused  silently wrong   native CLI fully right`,
);
for (const [k, t] of tallies) {
  const nt = nativeTallies.get(k);
  const nativeShare = !nt ? '-' : k === 'dni_front' ? 'n/a (no MRZ)' : pct(nt.right, nt.n);
  console.log(
    `${k.padEnd(10)} ${col(t.n, 4)}  ${col(`${t.right}/${t.n}`, 6)} ${col(pct(t.right, t.n), 6)}  ${col(t.flagged, 7)}  ${col(t.refused, 7)}  ${col(t.silentWrong, 14)}   ${nativeShare}`,
  );
}
const sum = (kinds: string[], f: (t: Tally) => number, m = tallies): number =>
  kinds.reduce((a, k) => a + (m.get(k) ? f(m.get(k) as Tally) : 0), 0);
const mrzKinds = ['dni_back', 'tie_back', 'passport'];
const mrzRight = sum(mrzKinds, (t) => t.right);
const mrzN = sum(mrzKinds, (t) => t.n);
const nativeMrz = sum(mrzKinds, (t) => t.right, nativeTallies);
const front = tallies.get('dni_front');
const neg = tallies.get('negative');
const allKinds = [...tallies.keys()].filter((k) => k !== 'negative');
const silent = sum(allKinds, (t) => t.silentWrong);
const mo = median(ours);
const mn = median(native);
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
console.log(
  `\nMRZ cards fully right: ${mrzRight}/${mrzN} (${pct(mrzRight, mrzN)}; target >= 97%: ${verdict(mrzN > 0 && mrzRight / mrzN >= 0.97)})` +
    (withNative ? `; native CLI ${nativeMrz}/${mrzN} (${pct(nativeMrz, mrzN)})` : ''),
);
if (front) {
  console.log(
    `DNI fronts with every field right: ${front.right}/${front.n} (${pct(front.right, front.n)}; target >= 90%: ${verdict(front.right / front.n >= 0.9)})`,
  );
}
console.log(`silently wrong readings: ${silent} (target 0: ${verdict(silent === 0)})`);
if (neg) {
  console.log(
    `negatives accepted: ${neg.silentWrong}/${neg.n}; with the expected error code: ${neg.right}/${neg.n} (target 0 accepted: ${verdict(neg.silentWrong === 0)})`,
  );
}
console.log(
  `median warm ms per image: ventanilla ${mo.toFixed(0)} ms over ${ours.length} images` +
    (withNative
      ? `, native tesseract CLI ${mn.toFixed(0)} ms over ${native.length}, ratio ${(mo / mn).toFixed(2)} (target <= 1: ${verdict(mo <= mn)})`
      : ' (native baseline skipped)'),
);
console.log(`pool warm-up (3 workers, traineddata loaded): ${warmUpMs.toFixed(0)} ms`);
console.log(
  `load average at end: ${load()}; wall time ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
