import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../../src/core/db/open';
import { readKeyFile } from '../../src/core/db/keys';
import { tempDir } from '../helpers/temp-dir';

// The built CLI (npm test builds first), run as the IT person runs it.
const CLI = resolve(import.meta.dirname, '../../bin/ventanilla.js');

const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'es_ES.UTF-8', VENTANILLA_PASSWORD: '', ...env },
    input: '',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('ventanilla CLI', { timeout: 120_000 }, () => {
  it('lists its commands and version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['staff', 'db', 'serve']) expect(help.out).toContain(cmd);
    expect(run(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const staffHelp = run(['staff', '--help']).out;
    for (const cmd of ['add', 'list', 'passwd']) expect(staffHelp).toContain(cmd);
  });

  it('adds, lists and checks with a fresh data directory', () => {
    const dir = tempDir();
    const add = run(['--data-dir', dir, 'staff', 'add', 'ana', '--role', 'clerk'], {
      VENTANILLA_PASSWORD: 'secreto-1',
    });
    expect(add).toMatchObject({ code: 0 });
    const list = JSON.parse(run(['--data-dir', dir, 'staff', 'list', '--json']).out) as {
      username: string;
      role: string;
    }[];
    expect(list).toEqual([expect.objectContaining({ username: 'ana', role: 'clerk' })]);
    const check = JSON.parse(run(['--data-dir', dir, 'db', 'check', '--json']).out) as Record<
      string,
      unknown
    >;
    expect(check).toMatchObject({ encrypted: true, integrity: 'ok' });
    expect(readFileSync(join(dir, 'ventanilla.db')).subarray(0, 16).toString('latin1')).not.toBe(
      'SQLite format 3\0',
    );
    // VENTANILLA_DATA_DIR works as well as --data-dir.
    expect(run(['staff', 'list', '--json'], { VENTANILLA_DATA_DIR: dir }).out).toContain('"ana"');
  });

  it('gives one readable line and exit 2 for usage errors', () => {
    const dir = tempDir();
    const badRole = run(['--data-dir', dir, 'staff', 'add', 'bob', '--role', 'boss'], {
      VENTANILLA_PASSWORD: 'secreto-1',
    });
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('rol desconocido');
    noStack(badRole.err);
    const noPassword = run(['--data-dir', dir, 'staff', 'add', 'bob', '--role', 'clerk']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('VENTANILLA_PASSWORD');
    expect(run(['frobnicate']).code).toBe(2);
    // Nothing was created by the failed commands.
    expect(run(['--data-dir', dir, 'staff', 'list', '--json']).out.trim()).toBe('[]');
  });

  it('reports bad data directories, key files and newer databases without changing them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const notDir = run(['--data-dir', join(dir, 'file', 'sub'), 'staff', 'list']);
    expect(notDir.code).toBe(1);
    expect(notDir.err).toContain('No se puede escribir en la carpeta de datos');
    noStack(notDir.err);

    const data = tempDir();
    expect(run(['--data-dir', data, 'db', 'check']).code).toBe(0);
    const keys = readKeyFile(data);
    const db = new Database(join(data, 'ventanilla.db'));
    applyKey(db, keys!.dbKey);
    db.prepare(`INSERT INTO schema_migrations VALUES (999, 'future', 'x')`).run();
    db.close();
    const newer = run(['--data-dir', data, 'staff', 'list'], { LANG: 'en_GB.UTF-8' });
    expect(newer.code).toBe(1);
    expect(newer.err).toContain('newer Ventanilla');
    noStack(newer.err);

    writeFileSync(join(data, 'ventanilla.keys'), 'garbage');
    const corrupt = run(['--data-dir', data, 'staff', 'list']);
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toContain('archivo de claves');
    expect(readFileSync(join(data, 'ventanilla.keys'), 'utf8')).toBe('garbage');
  });

  it('rejects a wrong password when acting as staff', () => {
    const dir = tempDir();
    run(['--data-dir', dir, 'staff', 'add', 'ana', '--role', 'clerk'], {
      VENTANILLA_PASSWORD: 'secreto-1',
    });
    const short = run(['--data-dir', dir, 'staff', 'passwd', 'ana'], {
      VENTANILLA_PASSWORD: 'corta',
    });
    expect(short.code).toBe(2);
    expect(short.err).toContain('al menos 8');
    const ghost = run(['--data-dir', dir, 'staff', 'passwd', 'nadie'], {
      VENTANILLA_PASSWORD: 'secreto-2',
    });
    expect(ghost.code).toBe(1);
    expect(ghost.err).toContain('No existe');
  });
});
