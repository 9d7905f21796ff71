import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../helpers/run-cli';
import { REGISTER_DIR } from '../../core/residents/fixtures';

const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-cli-register-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (args: string[]) => runCliCaptured(['--data-dir', dataDir, ...args]);

describe('ventanilla register and match', () => {
  it('imports with the exact --json contract, dry run first', async () => {
    const file = join(REGISTER_DIR, 'padron-1252.csv');
    const dry = await run(['register', 'import', file, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toEqual({
      imported: 39,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      deregistered: 0,
      errors: [],
      deregistered_residents: [],
    });
    expect(JSON.parse((await run(['register', 'stats', '--json'])).out)).toMatchObject({
      active: 0,
    });

    const real = await run(['register', 'import', file, '--json']);
    expect(JSON.parse(real.out)).toMatchObject({ imported: 39 });
    expect(JSON.parse((await run(['register', 'stats', '--json'])).out)).toMatchObject({
      active: 39,
      last_import: { file: 'padron-1252.csv' },
    });
  });

  it('prints rejected rows with their line in the human report', async () => {
    const bad = join(dataDir, 'bad.csv');
    writeFileSync(
      bad,
      'NUM_INSCRIPCION;NOMBRE;APELLIDO1;FECHA_NACIMIENTO;DNI\r\n1;Ana;Gil;1980-01-01;12345678A\r\n2;Eva;Gil;02/03/1981;\r\n',
    );
    const { code, out } = await run(['register', 'import', bad, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain('rechazados: 1');
    expect(out).toContain('línea 2: La letra del DNI/NIE ***4567** no corresponde a sus números.');
    expect(out).not.toContain('12345678');
  });

  it('matches a document object, or a whole OCR line, and prints candidates best first', async () => {
    const doc = join(dataDir, 'doc.json');
    const document = {
      document_type: 'DNI',
      document_number: '74252101M',
      surnames: 'DIAZ IBANEZ',
      given_names: 'JUAN CARLOS',
      birth_date: '1952-05-03',
    };
    writeFileSync(doc, JSON.stringify(document));
    const json = await run(['match', '--document', doc, '--json']);
    expect(json.code).toBe(0);
    const { candidates } = JSON.parse(json.out) as {
      candidates: Array<{ resident_id: string; verdict: string; reasons: string[] }>;
    };
    expect(candidates[0]).toMatchObject({ resident_id: 'R001', verdict: 'strong' });
    expect(json.out).not.toContain('74252101');

    writeFileSync(doc, JSON.stringify({ file: 'x.png', ok: true, document }));
    const human = await run(['match', '--document', doc]);
    expect(human.out).toContain('coincidencia segura');
    expect(human.out).toContain('el número de documento coincide');
  });

  it('exits 2 without input and 1 on a bad document', async () => {
    expect((await run(['match'])).code).toBe(2);
    const doc = join(dataDir, 'bad.json');
    writeFileSync(doc, '{"birth_date": "3 May"}');
    const bad = await run(['match', '--document', doc]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('no es un objeto «document» válido');
  });

  it('names who a re-import would deregister, and refuses a mass deregistration without the flag', async () => {
    const full = join(REGISTER_DIR, 'padron-utf8.csv');
    expect((await run(['register', 'import', full])).code).toBe(0);
    const lines = readFileSync(full, 'utf8').trim().split('\r\n');
    const tiny = join(dataDir, 'tiny.csv');
    writeFileSync(tiny, `${lines.slice(0, 3).join('\r\n')}\r\n`);
    const dry = await run(['register', 'import', tiny, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('aún no se ha importado nada) — nuevos: 0');
    expect(dry.out).toContain('Se darían de baja (no están en el archivo):');
    expect(dry.out).toContain('R030  Yolanda Llorente Bravo');
    expect(dry.out).toContain('--allow-mass-deregistration');
    const refused = await run(['register', 'import', tiny]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('daría de baja a 37 de 39 habitantes');
    expect(JSON.parse((await run(['register', 'stats', '--json'])).out)).toMatchObject({
      active: 39,
    });
    const forced = await run(['register', 'import', tiny, '--allow-mass-deregistration', '--json']);
    expect(JSON.parse(forced.out)).toMatchObject({ deregistered: 37 });
    expect(JSON.parse((await run(['register', 'stats', '--json'])).out)).toMatchObject({
      active: 2,
    });
  });
});
