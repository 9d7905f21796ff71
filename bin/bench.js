#!/usr/bin/env node
// `npm run bench -- NAME [args]` runs bench/NAME.ts; with no name, every benchmark in turn.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const [name, ...rest] = process.argv.slice(2);
if (name && !available.includes(name)) {
  console.error(`Unknown benchmark "${name}". Available: ${available.join(', ')}`);
  process.exit(2);
}
// Benchmarks measure the app as built (the register import runs in the built worker).
const build = spawnSync('npx', ['electron-vite', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  cwd: fileURLToPath(new URL('..', import.meta.url)),
});
if (build.status !== 0) process.exit(1);
let failed = 0;
for (const bench of name ? [name] : available) {
  console.log(`\n== bench ${bench} ==`);
  const run = spawnSync('npx', ['vite-node', `bench/${bench}.ts`, '--', ...rest], {
    stdio: 'inherit',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
