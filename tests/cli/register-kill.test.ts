import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { wireCore } from '../../src/core/app/wire-core';
import { tempDir } from '../helpers/temp-dir';
import { asOperator } from '../helpers/test-core';

// The built CLI (npm test builds first), with its register-reading worker.
const CLI = resolve(import.meta.dirname, '../../bin/ventanilla.js');
const HEADER = 'NUM_INSCRIPCION;DNI/NIE;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO';

describe('a first register import killed half-way', { timeout: 120_000 }, () => {
  it('leaves an empty, intact register in WAL mode when the process dies', async () => {
    const dir = tempDir();
    const file = join(dir, 'padron.csv');
    const lines = [HEADER];
    for (let i = 0; i < 300_000; i++) lines.push(`${i + 1};;Ana;Gil${i % 97};Ruiz;01/02/1980;M`);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'latin1');
    // Opening once creates the database, so the import below is a first import, not setup.
    wireCore({ dataDir: dir, log: () => undefined }).close();

    const child = spawn(process.execPath, [CLI, '--data-dir', dir, 'register', 'import', file], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // The rollback journal exists only while the import's transaction writes: kill it then.
    const journal = join(dir, 'ventanilla.db-journal');
    const deadline = Date.now() + 60_000;
    while (!existsSync(journal) && Date.now() < deadline) await sleep(5);
    expect(existsSync(journal)).toBe(true);
    // A second into writing rows (the whole file takes several).
    await sleep(1_000);
    child.kill('SIGKILL');
    expect(await exited).toBeNull();

    const core = wireCore({ dataDir: dir, log: () => undefined });
    try {
      const db = core.deps.db;
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect((await asOperator(core, 'residentsStats', {})).active).toBe(0);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(
        db
          .prepare(
            `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents'`,
          )
          .pluck()
          .get(),
      ).toBe(5);
      // And the next import goes through.
      const again = await asOperator(core, 'residentsImportFile', {
        bytes: Buffer.from(`${lines.slice(0, 1_001).join('\r\n')}\r\n`, 'latin1'),
        fileName: 'again.csv',
      });
      expect(again).toMatchObject({ imported: 1_000, rejected: 0 });
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    } finally {
      core.close();
    }
  });
});
