import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run bench -- chaos [--rounds N] [--seed S]`: the sync torture run at benchmark size
 * (200 rounds by default; CI runs 50). Counter processes SIGKILLed at random moments against
 * a real central; prints `rounds=N lost=0 duplicated=0 integrity=ok`, fails otherwise.
 */
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '200' }, seed: { type: 'string', default: '7' } },
  allowPositionals: true,
});
const root = resolve(import.meta.dirname, '..');
const started = performance.now();
const run = spawnSync(
  'npx',
  ['vite-node', 'tests/chaos/run.ts', '--', '--rounds', values.rounds, '--seed', values.seed],
  { cwd: root, stdio: 'inherit' },
);
console.log(
  `chaos ${values.rounds} rounds (seed ${values.seed}): ${((performance.now() - started) / 1000).toFixed(1)} s, exit ${String(run.status)}`,
);
process.exitCode = run.status === 0 ? 0 : 1;
