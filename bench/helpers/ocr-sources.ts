import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSecondFixtures, SECOND_DIR } from '../../tests/fixtures/cards-second/index';
import { ensureFixtures, GENERATED_DIR } from '../../tests/fixtures/cards/generate';

/**
 * The OCR benchmark's inputs, one list per source, in one shape: the first generator (grown with
 * the reader), the second (written without looking at the reader), and the ICAO specimens in
 * ../shared/ocr-specimens/, read where they are. Every source generates what it needs.
 */
export type Group = 'mrz' | 'front' | 'negative';
export type BenchCase = {
  source: string;
  /** Short name for the per-image lines. */
  label: string;
  path: string;
  group: Group;
  /** Document kind and capture condition, for the breakdowns. */
  document: string;
  condition: string;
  expected: Record<string, unknown> | null;
  alsoAccept: Record<string, unknown[]> | null;
  /** For negatives: the error codes that count as a correct refusal. */
  expectError: string[] | null;
};

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SPECIMENS_DIR = join(root, '..', 'shared', 'ocr-specimens');

export const firstSource = async (perKind: number): Promise<BenchCase[]> => {
  const manifest = await ensureFixtures(perKind);
  return manifest.entries
    .filter((e) => e.kind === 'negative' || Number(e.file.split('-')[1]) < perKind)
    .map((e) => ({
      source: 'first',
      label: e.file,
      path: join(GENERATED_DIR, e.file),
      group: e.kind === 'negative' ? 'negative' : e.kind === 'dni_front' ? 'front' : 'mrz',
      document: e.kind,
      condition: e.file.replace(/^.*-/, '').replace(/\..*$/, ''),
      expected: e.kind === 'negative' ? null : (e.expected ?? {}),
      alsoAccept: null,
      expectError: e.kind === 'negative' && e.expectError ? [e.expectError] : null,
    }));
};

/** `only` also limits what is generated, so a narrowed run on a fresh clone stays quick. */
export const secondSource = async (only: RegExp | null): Promise<BenchCase[]> => {
  const manifest = await ensureSecondFixtures(only ? { only: (f) => only.test(f) } : {});
  return manifest.entries.map((e) => ({
    source: 'second',
    label: e.file,
    path: join(SECOND_DIR, e.file),
    group: e.kind,
    document: e.document,
    condition: e.condition.name,
    expected: e.expected,
    alsoAccept: e.alsoAccept,
    expectError: e.expectError,
  }));
};

type SpecimenTruth = { cases: { file: string; format: string; expect: Record<string, unknown> }[] };

export const specimenSource = (): BenchCase[] | null => {
  const truthPath = join(SPECIMENS_DIR, 'truth.json');
  if (!existsSync(truthPath)) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as SpecimenTruth;
  return truth.cases.map((c) => ({
    source: 'specimens',
    label: c.file,
    path: join(SPECIMENS_DIR, c.file),
    group: 'mrz',
    document: c.format,
    condition: c.file.replace(/^.*\./, ''),
    expected: c.expect,
    alsoAccept: null,
    expectError: null,
  }));
};
