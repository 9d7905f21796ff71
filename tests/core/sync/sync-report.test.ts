import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import { openCentralStore } from '../../../src/central/open-store';
import { audit, inTransaction } from '../../../src/core/app/deps';
import { createSyncService } from '../../../src/core/sync/sync-service';
import { FakeClock, SYSTEM, testCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';

const root = resolve(import.meta.dirname, '../../..');

/** `ventanilla central serve` in its own process, on embedded PGlite in `dataDir`. */
const startCentralProcess = (dataDir: string): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vite-node/dist/cli.mjs'),
        join(root, 'src/cli/index.ts'),
        '--',
        '--data-dir',
        dataDir,
        'central',
        'serve',
        '--port',
        '0',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, VENTANILLA_LANG: 'en' },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      // The CLI's own line, whole, not a JSON log line: the admin route logs its own address.
      const line = out
        .split('\n')
        .slice(0, -1)
        .find((l) => !l.startsWith('{') && l.includes('http://'));
      const url = line ? /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] : undefined;
      if (url) done({ child, url });
    });
    child.on('exit', (code) => fail(new Error(`central exited (${String(code)}): ${out}`)));
  });

describe('the sync report after central dies mid-run', () => {
  let central: ChildProcess | undefined;
  afterEach(() => {
    central?.kill('SIGKILL');
  });

  it('counts the batch central acknowledged before it was killed', async () => {
    const centralDir = tempDir();
    const store = await openCentralStore({ dataDir: centralDir });
    const { code } = await createEnrolmentCode(store, 'Mostrador 1', new Date());
    await store.close();
    const started = await startCentralProcess(centralDir);
    central = started.child;

    const t = testCore({ clock: new FakeClock(Date.now()) });
    let answered = 0;
    const sync = createSyncService(t.core.deps, {
      changeAppliers: {},
      random: () => 0,
      timeoutMs: 10_000,
      // Central is SIGKILLed once it has answered the first push of 1000 ops.
      hooks: { afterPushResponse: () => (++answered === 1 ? central?.kill('SIGKILL') : undefined) },
    });
    await sync.enrol(SYSTEM, started.url, code);
    inTransaction(t.core.deps, () => {
      for (let i = 0; i < 1500; i++)
        audit(t.core.deps, { actor: SYSTEM, action: 'settings.changed', details: { i } });
    });
    const queued = sync.status().pending;

    const run = await sync.syncOnce();
    expect(run.error).toBe('network');
    expect(run.report).toMatchObject({
      pushed: 1000,
      applied: 1000,
      duplicate: 0,
      rejected: 0,
      pending: queued - 1000,
    });
    expect(sync.status().pending).toBe(queued - 1000);
  }, 180_000);
});
