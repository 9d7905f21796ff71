import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../src/central/db/migrate';
import { openPgliteStore } from '../../src/central/db/pglite-store';
import { importRegisterAtCentral } from '../../src/central/register/service';

const HEADER = 'ID;DNI;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO;DOMICILIO';

describe('register at central: the counter row checks', () => {
  it('rejects an oversized name and a NUL byte with their lines, and imports the rest', async () => {
    const store = await openPgliteStore(undefined);
    try {
      await migrateCentral(store);
      const rows = [
        'A1;12345678Z;Rocío;Herrera;Vázquez;03/02/1990;M;C/ Mayor 1',
        `A2;;${'N'.repeat(1024 * 1024)};Kowalski;;1985-07-14;H;Plaza 2`,
        'A3;;Lu\u0000cía;Pérez;Gil;2001-11-30;M;Calle Sol 3',
        `A4;;Eva;Gil;;2001-11-30;M;${'C/ Larga '.repeat(30)}`,
      ];
      const report = await importRegisterAtCentral(
        store,
        Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`),
        { fileName: 'padron.csv', language: 'en' },
      );
      expect(report).toMatchObject({ imported: 1, rejected: 3 });
      expect(report.errors.map((e) => [e.line, e.code, e.message])).toEqual([
        [3, 'row_field_too_long', 'The field given_names is longer than 100 characters.'],
        [
          4,
          'row_control_character',
          'The field given_names contains control characters (such as the NUL byte); fix the file.',
        ],
        [5, 'row_field_too_long', 'The field address is longer than 200 characters.'],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
