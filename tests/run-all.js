#!/usr/bin/env node
// `npm test`: every check, in order of cost. All steps run; the exit code says if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { describeMissing, findMissing } from './preflight.js';

const missing = await findMissing();
if (missing.length > 0) {
  console.error(describeMissing(missing));
  process.exit(3);
}

mkdirSync('test-artifacts', { recursive: true });

const steps = [
  ['lint', ['eslint', '.', '--max-warnings', '0']],
  ['format', ['prettier', '--check', '.']],
  ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['build', ['electron-vite', 'build']],
  ['security (electronegativity)', ['node', 'tests/security/electronegativity.js']],
  [
    'unit and integration',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-artifacts/vitest-unit.json',
    ],
    'test-artifacts/vitest-unit.json',
  ],
  [
    'end-to-end (Chromium)',
    [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-artifacts/vitest-e2e.json',
    ],
    'test-artifacts/vitest-e2e.json',
  ],
];
if (existsSync('tests/chaos/run.ts')) {
  steps.push([
    'chaos (50 rounds)',
    ['vite-node', 'tests/chaos/run.ts', '--', '--rounds', '50', '--seed', '1'],
  ]);
}

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const [name, [cmd, ...args], report] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(
    `=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (report && existsSync(report)) {
    const counts = JSON.parse(readFileSync(report, 'utf8'));
    passed += counts.numPassedTests ?? 0;
    failed += counts.numFailedTests ?? 0;
  } else if (run.status === 0) passed += 1;
  else failed += 1;
  if (run.status !== 0) failedSteps.push(name);
}

console.log(
  failedSteps.length ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nAll steps passed.',
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
