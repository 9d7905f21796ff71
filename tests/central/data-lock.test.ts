import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPath, pidAlive, readLock, takeLock } from '../../src/central/data-lock';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { pgSchemaUrl, type ServeProcess, spawnCli } from './central-process';
import { newDeviceKey, storeVariants } from './harness';

let running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  running = [];
});
const track = (p: ServeProcess) => (running.push(p), p);

/** A pid that surely belonged to a process that has exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
};

describe('the data folder lock', () => {
  it('lets one of many parallel takers win, and clears a dead holder’s lock', async () => {
    const dir = tempDir();
    const live = async () => true;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => takeLock(dir, 'admin', 'pglite', live)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.find((r) => r.ok);
    if (!winner?.ok) throw new Error('no winner');
    expect(statSync(lockPath(dir)).mode & 0o777).toBe(0o600);
    winner.lock.release();

    writeFileSync(
      lockPath(dir),
      JSON.stringify({
        nonce: 'old',
        pid: deadPid(),
        role: 'serve',
        database: 'pglite',
        started_at: new Date(0).toISOString(),
      }),
    );
    // The holder's pid decides, as for the service: the exited child's lock is stale.
    const retaken = await takeLock(dir, 'serve', 'pglite', async (h) => pidAlive(h.pid));
    expect(retaken.ok).toBe(true);
    expect(readLock(lockPath(dir))?.pid).toBe(process.pid);
  });
});

describe.each(storeVariants)('central serve owns its data folder ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'refuses a second service naming the first, survives kill -9, guards its admin route',
    async () => {
      const dir = tempDir();
      const pgdb = variant.name === 'postgres' ? await pgSchemaUrl() : undefined;
      const db = pgdb ? ['--database-url', pgdb.url] : [];
      const serve = (env: Record<string, string> = {}) =>
        track(spawnCli(['--data-dir', dir, 'central', 'serve', '--port', '0', ...db], env));
      try {
        const first = serve();
        const url = await first.url;
        const pid = first.child.pid ?? 0;

        const second = serve({ VENTANILLA_LANG: 'es' });
        expect(await second.exited).toBe(1);
        expect(second.output()).toContain(
          `El servicio central ya está en marcha con esta carpeta de datos (proceso ${pid}, ${url})`,
        );
        expect((await fetch(`${url}/v1/health`)).status).toBe(200);

        // The admin route: its own listener on 127.0.0.1, behind the secret only the owner reads.
        const path = lockPath(dir);
        expect(statSync(path).mode & 0o777).toBe(0o600);
        const lock = readLock(path);
        expect(lock).toMatchObject({ pid, role: 'serve', url });
        const adminUrl = new URL(lock?.admin_url ?? '');
        expect(adminUrl.hostname).toBe('127.0.0.1');
        expect(adminUrl.port).not.toBe(new URL(url).port);
        const call = (authorization: string) =>
          fetch(new URL('/admin/devices', adminUrl), {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: '{}',
          });
        expect((await call('Bearer wrong')).status).toBe(401);
        expect((await call('')).status).toBe(401);
        expect((await call(`Bearer ${lock?.secret ?? ''}`)).status).toBe(200);
        // Not on the counters' listener.
        const onCounters = await fetch(`${url}/admin/devices`, {
          method: 'POST',
          headers: { authorization: `Bearer ${lock?.secret ?? ''}` },
        });
        expect(onCounters.status).toBe(404);

        // A command holding a wrong secret is told so in words, and nothing runs.
        writeFileSync(path, JSON.stringify({ ...lock, secret: 'not-the-secret' }), { mode: 0o600 });
        const refused = await runCliCaptured(['--data-dir', dir, 'central', 'devices', ...db], {
          VENTANILLA_LANG: 'en',
        });
        expect(refused.code).toBe(1);
        expect(refused.err).toContain('did not accept the local admin credential');
        writeFileSync(path, JSON.stringify(lock), { mode: 0o600 });

        first.child.kill('SIGKILL');
        expect(await first.exited).toBeNull();
        expect(readLock(path)?.pid).toBe(pid);
        const restarted = serve();
        const again = await restarted.url;
        expect((await fetch(`${again}/v1/health`)).status).toBe(200);
        expect(readLock(path)?.pid).toBe(restarted.child.pid);

        expect(await restarted.stop()).toBe(0);
        expect(() => readFileSync(path)).toThrow();
      } finally {
        await Promise.all(running.map((p) => p.stop()));
        await pgdb?.drop();
      }
    },
    240_000,
  );
});

describe('admin commands at once with no service (pglite)', () => {
  it('take turns on the folder: each one completes, none is lost', async () => {
    const dir = tempDir();
    const runs = ['Mostrador 1', 'Mostrador 2', 'Mostrador 3'].map((name) =>
      track(spawnCli(['--data-dir', dir, 'central', 'enroll-device', name, '--json'])),
    );
    expect(await Promise.all(runs.map((r) => r.exited))).toEqual([0, 0, 0]);
    const codes = runs.map((r) => (JSON.parse(r.output()) as { code: string }).code);
    expect(new Set(codes).size).toBe(3);

    const central = track(spawnCli(['--data-dir', dir, 'central', 'serve', '--port', '0']));
    const url = await central.url;
    for (const code of codes) {
      const key = newDeviceKey();
      const res = await fetch(`${url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          device_id: crypto.randomUUID(),
          public_key: key.publicKeyBase64,
        }),
      });
      expect(res.status).toBe(200);
    }
  }, 240_000);
});
