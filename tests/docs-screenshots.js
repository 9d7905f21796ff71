#!/usr/bin/env node
// `npm run docs:screenshots`: builds, then runs the e2e suite with the flag that lets its
// screenshots replace the README's in docs/. Plain `npm test` never writes there.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

const built = run('electron-vite', ['build']);
if (built !== 0) process.exit(built);
process.exit(
  run('vitest', ['run', '--config', 'vitest.e2e.config.ts'], {
    ...process.env,
    VENTANILLA_DOCS_SCREENSHOTS: '1',
  }),
);
