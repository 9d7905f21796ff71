import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createOcrService } from '../src/core/ocr';
import { isAppError } from '../src/shared/errors';
import { ensureFixtures, GENERATED_DIR, type FixtureEntry } from '../tests/fixtures/cards/generate';
import { readMrzText } from '../src/core/identity/mrz-read';

/**
 * `npm run bench -- ocr`: share fully right per kind, warm median ms per image, and the
 * same images through the native `tesseract` CLI (plain settings) in the same run.
 */
const run = promisify(execFile);
const perKind = Number(process.env.OCR_BENCH_PER_KIND ?? 8);
const only = process.env.OCR_BENCH_ONLY;
const verbose = process.env.OCR_BENCH_VERBOSE === '1';
// While tuning, the native baseline can be skipped; the reported ratio needs it.
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

const fieldsRight = (e: FixtureEntry, doc: Record<string, unknown>): string[] =>
  Object.entries(e.expected ?? {})
    .filter(([k, v]) => doc[k] !== v)
    .map(([k, v]) => `${k}: got ${JSON.stringify(doc[k])} want ${JSON.stringify(v)}`);

const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-bench-'));
const service = createOcrService({ cacheDir: cache });
// Warm the pool (worker start-up is not part of a warm reading).
const warm = manifest.entries.find((e) => e.file.startsWith('dni_back-0-clean'));
if (warm)
  await service.readDocument(readFileSync(join(GENERATED_DIR, warm.file))).catch(() => undefined);

type Tally = { n: number; right: number; silentWrong: number; flagged: number };
const tally = new Map<string, Tally>();
const ours: number[] = [];
const native: number[] = [];
const nativeTally = new Map<string, Tally>();
const bump = (m: Map<string, Tally>, k: string): Tally => {
  const t = m.get(k) ?? { n: 0, right: 0, silentWrong: 0, flagged: 0 };
  m.set(k, t);
  return t;
};

for (const e of entries) {
  const bytes = readFileSync(join(GENERATED_DIR, e.file));
  const t0 = performance.now();
  let line: string;
  const t = bump(tally, e.kind);
  t.n++;
  try {
    const r = await service.readDocument(bytes);
    ours.push(performance.now() - t0);
    if (e.kind === 'negative') {
      t.silentWrong++;
      line = `ACCEPTED NEGATIVE`;
    } else {
      const wrong = fieldsRight(e, r.document);
      if (wrong.length === 0) t.right++;
      else if (wrong.every((w) => r.uncertain.includes(w.split(':')[0] as never))) t.flagged++;
      else t.silentWrong++;
      line =
        wrong.length === 0 ? 'ok' : `WRONG ${wrong.join('; ')} uncertain=${r.uncertain.join(',')}`;
    }
  } catch (err) {
    ours.push(performance.now() - t0);
    const code = isAppError(err) ? err.code : String(err);
    if (e.kind === 'negative' && code === e.expectError) t.right++;
    line = `error ${code}`;
  }
  if (withNative && e.kind !== 'negative') {
    // Native CLI, plain settings, whole image; MRZ kinds scored by the same MRZ parser.
    const nt = bump(nativeTally, e.kind);
    nt.n++;
    const n0 = performance.now();
    const res = await run(
      'tesseract',
      [join(GENERATED_DIR, e.file), 'stdout', '-l', e.kind === 'dni_front' ? 'spa' : 'eng'],
      { maxBuffer: 1 << 24 },
    ).catch(() => ({ stdout: '' }));
    native.push(performance.now() - n0);
    if (e.kind !== 'dni_front') {
      const m = readMrzText(
        res.stdout
          .split('\n')
          .filter((l) => l.includes('<'))
          .join('\n'),
      );
      if (m?.valid && fieldsRight(e, m.document).length === 0) nt.right++;
    }
  }
  if (verbose || line !== 'ok') console.log(`${e.file.padEnd(34)} ${line}`);
}
await service.close();
rmSync(cache, { recursive: true, force: true });

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log('\nkind         n   fully right   flagged   silently wrong   native CLI fully right');
for (const [k, t] of tally) {
  const nt = nativeTally.get(k);
  console.log(
    `${k.padEnd(10)} ${String(t.n).padStart(3)}   ${pct(t.right, t.n).padStart(10)}   ${String(t.flagged).padStart(7)}   ${String(t.silentWrong).padStart(14)}   ${nt ? (k === 'dni_front' ? 'n/a' : pct(nt.right, nt.n)) : '-'}`,
  );
}
const mrzKinds = ['dni_back', 'tie_back', 'passport']
  .map((k) => tally.get(k))
  .filter((t): t is Tally => !!t);
const mrzRight = mrzKinds.reduce((a, t) => a + t.right, 0);
const mrzN = mrzKinds.reduce((a, t) => a + t.n, 0);
console.log(`MRZ cards fully right: ${mrzRight}/${mrzN} (${pct(mrzRight, mrzN)})`);
const mo = median(ours);
const mn = median(native);
console.log(
  `median warm ms per image: ventanilla ${mo.toFixed(0)} ms, native tesseract CLI ${mn.toFixed(0)} ms, ratio ${(mo / mn).toFixed(2)}`,
);
