import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCentralStore } from '../../src/central/open-store';
import { ocrDocument } from '../helpers/ocr-document';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { FakeClock, SYSTEM, testCore } from '../helpers/test-core';
import { pgSchemaUrl, type ServeProcess, spawnCli } from './central-process';
import { storeVariants } from './harness';
import { JUAN, SOFIA } from './verification-counter';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const REASON = 'Cuenta suplantada, avisó por el 612 34 56 78 con DNI 12345678Z';
const MASKED = 'Cuenta suplantada, avisó por el *** ** ** 78 con DNI ***4567**';

interface Target {
  readonly dir: string;
  readonly db: string[];
  readonly databaseUrl?: string;
  drop(): Promise<void>;
}

const cli = (t: Target, args: string[]) =>
  runCliCaptured(['--data-dir', t.dir, 'central', ...args, ...t.db], { VENTANILLA_LANG: 'en' });

const ok = async (t: Target, args: string[]) => {
  const run = await cli(t, args);
  if (run.code !== 0) throw new Error(`central ${args.join(' ')}: ${run.code} ${run.err}`);
  return run.out;
};

/** A counter with the fixture register and a clerk, enrolled through the CLI's code. */
const counter = async (t: Target, url: string) => {
  const c = testCore({ clock: new FakeClock(Date.now()) });
  c.core.services.residents.importCsv(readFileSync(join(FIXTURES, 'register/padron-utf8.csv')), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await c.signInAs('clerk', 'clara');
  const { code } = JSON.parse(await ok(t, ['enroll-device', 'Mostrador', '--json'])) as {
    code: string;
  };
  await c.core.services.sync.enrol(SYSTEM, url, code);
  const sync = async () => {
    const run = await c.core.services.sync.syncOnce();
    expect(run).toMatchObject({ reached: true, error: null });
    expect(run.report.rejected).toBe(0);
  };
  const save = (who: typeof JUAN, handle: string) =>
    c.call(
      'verifySave',
      {
        residentId: who.id,
        document: ocrDocument({ document_number: who.number, expiry_date: who.expiry }),
        corrected: [],
        network: 'x',
        handle,
        proof: 'seen_on_device',
        startedAt: c.clock.now().toISOString(),
      },
      clerk,
    );
  const view = (id: string) => c.call('verifyGet', { id }, clerk);
  return { sync, save, view };
};

let running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  running = [];
});

describe.each(storeVariants)('central revoke-verification ($name)', (variant) => {
  const target = async (): Promise<Target> => {
    const dir = tempDir();
    if (variant.name !== 'postgres') return { dir, db: [], drop: async () => undefined };
    const pgdb = await pgSchemaUrl();
    return { dir, db: ['--database-url', pgdb.url], databaseUrl: pgdb.url, drop: pgdb.drop };
  };
  // Restarted on the same port: the counter keeps the address it enrolled with.
  const up = async (t: Target, port = '0') => {
    const proc = spawnCli(['--data-dir', t.dir, 'central', 'serve', '--port', port, ...t.db]);
    running.push(proc);
    return { proc, url: await proc.url };
  };

  it.skipIf(variant.skip)(
    'revokes with the service running (through it) and stopped (on the database), like the route',
    async () => {
      const t = await target();
      try {
        const started = await up(t);
        const url = started.url;
        let proc = started.proc;
        const desk = await counter(t, url);
        const first = await desk.save(JUAN, '@juan_cli');
        const second = await desk.save(SOFIA, '@sofia_cli');
        await desk.sync();

        // Service up: the command goes through its loopback admin route.
        const revoked = await ok(t, ['revoke-verification', first.id, '--reason', REASON]);
        expect(revoked).toContain(`Verification ${first.id} revoked.`);
        // The service's log is read from a pipe: it may trail the answer a little.
        await expect.poll(() => proc.output()).toContain('/admin/revokeVerification');
        expect(await ok(t, ['revoke-verification', first.id, '--reason', REASON])).toContain(
          'was already revoked',
        );
        const unknown = await cli(t, ['revoke-verification', 'nope', '--reason', REASON]);
        expect(unknown.code).not.toBe(0);
        expect(unknown.err).toContain('The central service does not know that verification.');
        const short = await cli(t, ['revoke-verification', second.id, '--reason', 'x']);
        expect(short.code).not.toBe(0);
        await desk.sync();
        expect(await desk.view(first.id)).toMatchObject({
          state: 'revoked',
          endGround: 'decision',
          endReason: MASKED,
        });
        expect(await desk.view(second.id)).toMatchObject({ state: 'verified' });
        await proc.stop();

        // Service down: the command opens the database; the service then sends it on.
        expect(
          JSON.parse(await ok(t, ['revoke-verification', second.id, '--reason', REASON, '--json'])),
        ).toEqual({ verification_id: second.id, status: 'revoked' });
        proc = (await up(t, new URL(url).port)).proc;
        await desk.sync();
        expect(await desk.view(second.id)).toMatchObject({ state: 'revoked', endReason: MASKED });
        expect(proc.output()).not.toContain('/admin/');
        await proc.stop();

        // Audited at central as the route audits it, the reason masked, by the CLI.
        const store = await openCentralStore({ dataDir: t.dir, databaseUrl: t.databaseUrl });
        try {
          const rows = await store.query<{ detail: unknown }>(
            `SELECT detail FROM central_audit WHERE action = 'verification.revoked' ORDER BY at`,
          );
          const details = rows.map((r) =>
            typeof r.detail === 'string' ? (JSON.parse(r.detail) as unknown) : r.detail,
          );
          expect(details).toEqual([
            { id: first.id, by: 'cli', reason: MASKED },
            { id: second.id, by: 'cli', reason: MASKED },
          ]);
        } finally {
          await store.close();
        }
      } finally {
        await Promise.all(running.map((p) => p.stop()));
        await t.drop();
      }
    },
    300_000,
  );
});
