import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { attachmentsDir } from '../../../src/core/forms/attachment-store';
import { translateError } from '../../../src/shared/i18n';
import { type TestCore, testCore } from '../../helpers/test-core';
import { runCliCaptured } from '../../helpers/run-cli';
import { incidencia, tinyPng } from '../forms/forms-fixtures';

const photo = (marker: string) =>
  incidencia({
    attachments: [
      {
        filename: 'foto.png',
        mediaType: 'image/png',
        dataBase64: Buffer.concat([tinyPng(marker), Buffer.alloc(64 * 1024, 1)]).toString('base64'),
      },
    ],
  });

/** What a transport sends back: the envelope and the HTTP status. */
const answer = async (t: TestCore, op: 'formsFile', input: unknown, sid: string) => {
  const { envelope, status } = await t.core.dispatch(op, input, { sessionId: sid });
  return { status, error: envelope.ok ? null : envelope.error };
};

const entries = (t: TestCore): number =>
  (t.core.deps.db.prepare('SELECT count(*) AS n FROM registry_entries').get() as { n: number }).n;

/** A small tmpfs the test can fill for real; null where mounting is not allowed. */
const tinyDisk = (megabytes: number): string | null => {
  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  // Lazy: detached at once, freed when the core's afterEach has closed the database.
  onTestFinished(() => {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
};

/** Writes a filler file until the disk refuses; returns its path. */
const fillDisk = (dir: string): string => {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 7);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return file;
};

describe('a full disk', () => {
  it('answers a translated disk_full when the database cannot grow, and keeps what was saved', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    const { db } = t.core.deps;
    // Real SQLITE_FULL: the database may not grow by a single page.
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    // Over one page of text (€ is 3 bytes): the entry needs pages the database may not take.
    const input = incidencia({
      data: { type: 'lighting', location: 'Calle Real 12', description: '€'.repeat(2000) },
    });
    const full = await answer(t, 'formsFile', input, clerk);
    expect(full).toEqual({ status: 507, error: { code: 'disk_full' } });
    expect(translateError('es', { code: 'disk_full' })).toMatch(/disco.*lleno/i);
    expect(translateError('en', { code: 'disk_full' })).toMatch(/disk is full/i);
    expect(entries(t)).toBe(0);
    expect(t.core.services.staff.findByUsername('ana')).toMatchObject({ role: 'clerk' });
    db.pragma(`max_page_count = ${pages * 100}`);
    expect(await answer(t, 'formsFile', input, clerk)).toEqual({ status: 200, error: null });
    expect(entries(t)).toBe(1);
  });

  it('answers disk_full when an attachment does not fit, leaving no temporary file', async (ctx) => {
    const dir = tinyDisk(8);
    if (!dir) return ctx.skip();
    const t = testCore({ dataDir: join(dir, 'data') });
    const clerk = await t.signInAs('clerk', 'ana');
    expect(await answer(t, 'formsFile', photo('first'), clerk)).toEqual({
      status: 200,
      error: null,
    });
    const before = readdirSync(attachmentsDir(t.dataDir)).sort();
    const filler = fillDisk(dir);
    const full = await answer(t, 'formsFile', photo('second'), clerk);
    expect(full).toEqual({ status: 507, error: { code: 'disk_full' } });
    expect(readdirSync(attachmentsDir(t.dataDir)).sort()).toEqual(before);
    expect(entries(t)).toBe(1);
    // Space freed: the counter carries on, and the first entry is still there.
    unlinkSync(filler);
    expect(await answer(t, 'formsFile', photo('third'), clerk)).toEqual({
      status: 200,
      error: null,
    });
    expect(entries(t)).toBe(2);
    expect(t.core.services.staff.findByUsername('ana')).toMatchObject({ role: 'clerk' });
  });

  it('makes the CLI say the disk is full instead of an internal error', async (ctx) => {
    const dir = tinyDisk(8);
    if (!dir) return ctx.skip();
    const data = join(dir, 'data');
    const add = (name: string) =>
      runCliCaptured(['--data-dir', data, 'staff', 'add', name, '--role', 'clerk'], {
        VENTANILLA_PASSWORD: 'long enough password',
        VENTANILLA_LANG: 'en',
      });
    expect(await add('ana')).toMatchObject({ code: 0 });
    const filler = fillDisk(dir);
    const full = await add('eva');
    expect(full.code).toBe(1);
    expect(full.err).toMatch(/disk is full/i);
    unlinkSync(filler);
    expect(await add('eva')).toMatchObject({ code: 0 });
  });
});
