import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const HEADER = 'ID;DNI;NOMBRE;APELLIDO1;FECHA_NACIMIENTO';

describe('ventanilla central register import', () => {
  it('dry-runs, imports, and refuses a malformed file with the translated error', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'padron.csv');
    writeFileSync(
      file,
      `${HEADER}\nA1;12345678Z;Rocío;Herrera;1990-02-03\nA2;;Jan;Kowal;1985-07-14\nA3;;;Sin;1985-07-14\n`,
    );
    const run = (args: string[]) =>
      runCliCaptured(['--data-dir', dataDir, 'central', 'register', 'import', file, ...args], {
        VENTANILLA_LANG: 'en',
      });

    const dry = await run(['--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ imported: 2, rejected: 1, dry_run: true });
    const real = await run([]);
    expect(real.code).toBe(0);
    expect(real.out).toContain('Imported 2, updated 0, unchanged 0, rejected 1, deregistered 0.');
    expect(real.out).toContain('line 4');
    // The dry run wrote nothing, so the real import found both residents new.
    expect(JSON.parse((await run(['--json'])).out)).toMatchObject({ imported: 0, unchanged: 2 });

    writeFileSync(file, `${HEADER}\nA1;"12345678Z;Rocío;Herrera\nA2;x\n`);
    const broken = await run(['--json']);
    expect(broken.code).not.toBe(0);
    expect(broken.err).toMatch(/The CSV file is malformed near line \d+\. Nothing was changed\./);
  }, 120_000);
});
