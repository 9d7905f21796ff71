import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { wireCore } from '../../../src/core/app/wire-core';
import { FileEntryInput } from '../../../src/shared/contract/forms';
import { FakeClock, SYSTEM, testCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import { incidencia } from './forms-fixtures';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0))
    if (c.pid && c.exitCode === null) process.kill(-c.pid, 'SIGKILL');
});

/** Runs the child filer in its own process group, so kill -9 reaches the real node process. */
const child = (env: Record<string, string>) => {
  const proc = spawn('npx', ['vite-node', 'tests/core/forms/fixtures/file-many.ts'], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let out = '';
  let err = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (out.includes(text)) {
          clearInterval(timer);
          resolve();
        } else if (proc.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`child exited ${proc.exitCode}: ${err}`));
        }
      }, 20);
    });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, waitFor, exited };
};

const seqs = (db: ReturnType<typeof wireCore>['deps']['db']) =>
  (db.prepare('SELECT seq FROM registry_entries ORDER BY seq').all() as { seq: number }[]).map(
    (r) => r.seq,
  );

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('provisional numbering', () => {
  it('gives 200 concurrent filings from three processes 200 distinct consecutive numbers', async () => {
    const dataDir = tempDir();
    const t = testCore({ dataDir });
    const clerk = await t.signInAs('clerk');
    const kids = [
      child({ FORMS_DIR: dataDir, FORMS_COUNT: '50', FORMS_CLERK: 'k1' }),
      child({ FORMS_DIR: dataDir, FORMS_COUNT: '50', FORMS_CLERK: 'k2' }),
    ];
    await Promise.all(kids.map((k) => k.waitFor('READY')));
    const mine = await Promise.all(
      Array.from({ length: 100 }, () => t.call('formsFile', incidencia(), clerk)),
    );
    expect(await Promise.all(kids.map((k) => k.exited))).toEqual([0, 0]);
    expect(new Set(mine.map((f) => f.provisionalNumber)).size).toBe(100);
    const db = t.core.deps.db;
    expect(seqs(db)).toEqual(range(200));
    const numbers = (
      db.prepare('SELECT provisional_number n FROM registry_entries ORDER BY seq').all() as {
        n: string;
      }[]
    ).map((r) => r.n);
    expect(numbers[199]).toBe('18111-M01-2026-000200');
    // Every entry has its audit entry and its outbox item, and the audit chain never forked.
    expect(
      db.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'forms.filed'`).get(),
    ).toEqual({ n: 200 });
    expect(db.prepare(`SELECT count(*) n FROM outbox WHERE kind = 'registry.entry'`).get()).toEqual(
      { n: 200 },
    );
    const chain = db
      .prepare('SELECT count(*) c, count(DISTINCT prev_hash) d FROM audit_log')
      .get() as { c: number; d: number };
    expect(chain.d).toBe(chain.c);
  }, 120_000);

  it('leaves no gap and no half entry when the process is killed -9 mid-filing', async () => {
    const dataDir = tempDir();
    wireCore({ dataDir, log: () => undefined }).close();
    const k = child({ FORMS_DIR: dataDir, FORMS_COUNT: '3', FORMS_MODE: 'hang' });
    await k.waitFor('INSIDE');
    process.kill(-(k.proc.pid ?? 0), 'SIGKILL');
    await k.exited;
    const t = testCore({ dataDir });
    const db = t.core.deps.db;
    expect(seqs(db)).toEqual([1, 2, 3]);
    expect(db.prepare('SELECT last_seq FROM registry_counters').all()).toEqual([{ last_seq: 3 }]);
    expect(db.prepare(`SELECT count(*) n FROM outbox WHERE kind = 'registry.entry'`).get()).toEqual(
      { n: 3 },
    );
    expect(
      db.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'forms.filed'`).get(),
    ).toEqual({ n: 3 });
    const clerk = await t.signInAs('clerk');
    expect((await t.call('formsFile', incidencia(), clerk)).provisionalNumber).toBe(
      '18111-M01-2026-000004',
    );
  }, 120_000);

  it('dates the entry in local time with its offset, and restarts the series each local year', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Europe/Madrid';
    try {
      // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Madrid.
      const clock = new FakeClock(Date.parse('2026-12-31T22:30:00Z'));
      const t = testCore({ clock });
      const input = FileEntryInput.parse(incidencia());
      const a = t.core.services.forms.file(SYSTEM, input);
      clock.advance(60 * 60_000);
      const b = t.core.services.forms.file(SYSTEM, input);
      expect(a).toMatchObject({
        provisionalNumber: '18111-M01-2026-000001',
        filedAt: '2026-12-31T23:30:00+01:00',
      });
      expect(b).toMatchObject({
        provisionalNumber: '18111-M01-2027-000001',
        filedAt: '2027-01-01T00:30:00+01:00',
      });
      const row = t.core.deps.db
        .prepare('SELECT utc_offset_min, filed_at FROM registry_entries WHERE year = 2027')
        .get();
      expect(row).toEqual({ utc_offset_min: 60, filed_at: '2026-12-31T23:30:00.000Z' });
    } finally {
      process.env.TZ = previous;
    }
  });
});
