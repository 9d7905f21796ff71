import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../src/shared/contract/envelope';
import { tempDir } from '../helpers/temp-dir';

// The built CLI (npm test builds first), run as the IT person runs it.
const CLI = resolve(import.meta.dirname, '../../bin/ventanilla.js');

describe('ventanilla serve', { timeout: 120_000 }, () => {
  it('exits on SIGTERM even while the OCR workers are still starting', async () => {
    const dataDir = tempDir();
    const added = spawnSync(
      process.execPath,
      [CLI, '--data-dir', dataDir, 'staff', 'add', 'clara', '--role', 'clerk'],
      { env: { ...process.env, VENTANILLA_PASSWORD: 'contraseña-larga' }, encoding: 'utf8' },
    );
    expect(added.status).toBe(0);
    const server = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    const [origin, token] = await new Promise<[string, string]>((found, reject) => {
      let out = '';
      server.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
        if (m?.[1] && m[2]) found([m[1], m[2]]);
      });
      server.once('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    const rpc = async (op: string, body: unknown, session?: string) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      };
      if (session) headers[SESSION_HEADER] = session;
      const res = await fetch(`${origin}/rpc/${op}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      return (await res.json()) as { ok: boolean; session?: string };
    };
    const signIn = await rpc('authSignIn', { username: 'clara', password: 'contraseña-larga' });
    // What the Verify screen does as it opens: tesseract workers start in the background.
    expect(await rpc('verifyWarmUp', {}, signIn.session)).toMatchObject({ ok: true });
    server.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
  });
});
