import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CentralPrivacyExport } from '../../src/shared/contract/privacy-central';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

describe('ventanilla central privacy export|erase', () => {
  it('exports central’s padrón row masked, as JSON and PDF, and erases keeping the padrón, said so', async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'padron.csv');
    writeFileSync(
      file,
      'ID;DNI;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO;DOMICILIO\r\nA1;12345678Z;Rocío;Herrera;Vázquez;03/02/1990;M;C/ Mayor 1\r\n',
    );
    const env = { VENTANILLA_LANG: 'en' };
    const run = (args: string[]) =>
      runCliCaptured(['--data-dir', dataDir, 'central', ...args], env);
    expect((await run(['register', 'import', file])).code).toBe(0);

    const json = join(tempDir(), 'a1.json');
    const pdf = join(tempDir(), 'a1.pdf');
    const exported = await run([
      'privacy',
      'export',
      '--resident',
      'A1',
      '--json',
      json,
      '--pdf',
      pdf,
    ]);
    expect(exported.code).toBe(0);
    const data = CentralPrivacyExport.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(data).toMatchObject({
      residentId: 'A1',
      registerHeld: true,
      register: { surname1: 'Herrera', documentMasked: '***4567**' },
      verifications: [],
    });
    expect(readFileSync(json, 'utf8')).not.toContain('12345678Z');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const erased = await run(['privacy', 'erase', '--resident', 'A1']);
    expect(erased.code).toBe(0);
    expect(erased.out).toMatch(/Kept: register yes/);
    // Someone central knows nothing about is refused in words, not with a code.
    const unknown = await run(['privacy', 'erase', '--resident', 'Z9']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('The central service holds no data about that resident.');
  }, 120_000);
});
