import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from './harness';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** `ventanilla central serve` on its own data directory, with an enrolment code made first. */
export const startCentral = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-central-'));
  const enrol = cli(dir, ['central', 'enroll-device', 'Mostrador 1']);
  const code = /: (\S+) \(/.exec(enrol.stdout)?.[1];
  if (enrol.status !== 0 || !code) throw new Error(`enroll-device failed: ${enrol.stderr}`);
  const port = await freePort();
  const proc: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/ventanilla.js'),
      '--data-dir',
      dir,
      'central',
      'serve',
      '--port',
      String(port),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`central did not start: ${out}`)), 60_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    code,
    /** The counter in `counterDir` enrolled with this central, as the README's `enroll` does. */
    enrol: (counterDir: string) => {
      const enrolled = cli(counterDir, [
        'enroll',
        '--central',
        `http://127.0.0.1:${port}`,
        '--code',
        code,
      ]);
      if (enrolled.status !== 0) throw new Error(`enroll failed: ${enrolled.stderr}`);
    },
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
