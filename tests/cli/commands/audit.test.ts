import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireCore } from '../../../src/core/app/wire-core';
import { AuditVerifyResult } from '../../../src/shared/contract/audit';
import { appendEntries, rawAttacker } from '../../core/audit/audit-fixtures';
import { runCliCaptured } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';

const run = (dataDir: string, args: string[]) => runCliCaptured(['--data-dir', dataDir, ...args]);

const seeded = (n: number): string => {
  const dir = tempDir();
  const core = wireCore({ dataDir: dir, log: () => undefined });
  appendEntries(core.deps, n, 'settings.changed');
  appendEntries(core.deps, 3, 'auth.sign_in', { staffId: 2, username: 'ana', role: 'clerk' });
  core.close();
  return dir;
};

describe('ventanilla audit', () => {
  it('verify --json prints {ok, entries, head} and exits 0; after tampering, 1 with the first bad seq', async () => {
    const dir = seeded(20);
    const good = await run(dir, ['audit', 'verify', '--json']);
    expect(good.code).toBe(0);
    const result = AuditVerifyResult.parse(JSON.parse(good.out));
    expect(result).toMatchObject({ ok: true, entries: 23 });
    expect(result.head).toMatch(/^[0-9a-f]{64}$/);

    const raw = rawAttacker(dir);
    raw.prepare('DELETE FROM audit_log WHERE seq = 9').run();
    raw.close();
    const bad = await run(dir, ['audit', 'verify', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({
      ok: false,
      entries: 8,
      first_bad_seq: 9,
      reason: 'seq_gap',
    });
    const human = await run(dir, ['audit', 'verify']);
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/9/);
  });

  it('export --pdf/--csv write the filtered file and are audited', async () => {
    const dir = seeded(5);
    const pdf = join(dir, 'out.pdf');
    const csv = join(dir, 'out.csv');
    const a = await run(dir, [
      'audit',
      'export',
      '--pdf',
      pdf,
      '--staff',
      'ana',
      '--from',
      '2000-01-01',
      '--to',
      '2100-12-31',
    ]);
    expect(a).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const b = await run(dir, [
      'audit',
      'export',
      '--csv',
      csv,
      '--action',
      'auth.sign_in',
      '--lang',
      'es',
    ]);
    expect(b.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((l) => l.split(';')[8] === 'auth.sign_in')).toBe(true);

    const list = await run(dir, ['audit', 'list', '--json', '--action', 'audit.exported']);
    const page = JSON.parse(list.out) as {
      entries: { actorName: string; details: string }[];
      total: number;
    };
    expect(page.total).toBe(2);
    expect(page.entries[0]?.actorName).toMatch(/^cli:/);
    expect(page.entries[1]?.details).toBe(
      '{"filters":{"from":"2000-01-01","staff":"ana","to":"2100-12-31"},"format":"pdf"}',
    );
  });

  it('refuses bad usage with exit 2 and writes nothing', async () => {
    const dir = seeded(1);
    const out = join(dir, 'x.pdf');
    expect((await run(dir, ['audit', 'export'])).code).toBe(2);
    expect(
      (await run(dir, ['audit', 'export', '--pdf', out, '--csv', join(dir, 'x.csv')])).code,
    ).toBe(2);
    expect((await run(dir, ['audit', 'export', '--pdf', out, '--from', '2026-02-31'])).code).toBe(
      2,
    );
    expect((await run(dir, ['audit', 'list', '--action', 'drop.tables'])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
