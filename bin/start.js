#!/usr/bin/env node
// `npm start`: the desktop app; where Electron's binary cannot be fetched, browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Asks the electron package for its binary; on first use it tries to download it. */
const electronBinary = () => {
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 180_000,
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
};

const run = (cmd, args) => {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

const binary = electronBinary();
if (binary) run(binary, ['.', ...process.argv.slice(2)]);
else {
  console.log(
    'Ventanilla: no se pudo obtener Electron (sin conexión); se abre el modo navegador. / Electron is unavailable (offline); starting browser mode.',
  );
  run(process.execPath, ['bin/ventanilla.js', 'serve', '--open', ...process.argv.slice(2)]);
}
