import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import { importRegisterAtCentral } from '../../../src/central/register/service';
import { readRegisterFile } from '../../../src/central/register/read';
import { RECORD_FIELDS } from '../../../src/core/residents/rows';
import { SYSTEM, type TestCore, testCore } from '../../helpers/test-core';
import { startCentral, storeVariants } from '../../central/harness';
import { counterAppliers } from '../sync/counter-harness';
import { csv, importFixture } from './fixtures';

const HEADER = 'ID;DNI;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO;DOMICILIO';
/** What the counter imported itself, from an older export. */
const LOCAL = [
  'A1;12345678Z;Rocío;Herrera;Vázquez;03/02/1990;M;C/ Mayor 1',
  'A2;X1234567L;Jan;Kowalski;;1985-07-14;H;Plaza 2',
  'A4;;Marta;Sanz;Ruiz;1979-05-05;M;Calle Luna 4',
];
/** Central's padrón: A1 the same, A2 moved and corrected, A3 new, A4 not there. */
const CENTRAL = [
  'A1;12345678Z;Rocío;Herrera;Vázquez;03/02/1990;M;C/ Mayor 1',
  'A2;X1234567L;Jan;Kowalsky;;1985-07-14;H;Plaza 7',
  'A3;;Lucía;Pérez;Gil;2001-11-30;M;Calle Sol 3',
];

/** A resident's stored record (document hash and match keys included), without row metadata. */
const recordOf = (t: TestCore, id: string) =>
  t.core.deps.db
    .prepare(`SELECT ${RECORD_FIELDS.join(', ')} FROM residents WHERE resident_id = ?`)
    .get(id);

describe('one padrón from two sources', () => {
  it('a locally imported counter converges on central’s padrón on its first pull, with a report', async () => {
    const pglite = storeVariants[0];
    if (!pglite) throw new Error('no pglite variant');
    const central = await startCentral(pglite, counterAppliers);
    try {
      // Imported twice at the counter: local versions climb past central's first ones.
      const t = testCore();
      importFixture(t, csv([HEADER, ...LOCAL]));
      importFixture(t, csv([HEADER, ...LOCAL.map((r) => r.replace('Plaza 2', 'Plaza 2 '))]));
      await importRegisterAtCentral(central.store, csv([HEADER, ...CENTRAL]), {
        fileName: 'padron.csv',
      });
      const { code } = await createEnrolmentCode(central.store, 'Mostrador 1', new Date());
      await t.core.services.sync.enrol(SYSTEM, central.url, code);

      const run = await t.core.services.sync.syncOnce();
      expect(run.error).toBeNull();
      const residents = t.core.services.residents;
      expect(residents.getByResidentId('A2')).toMatchObject({
        surname1: 'Kowalsky',
        address: 'Plaza 7',
        sex: 'M',
      });
      expect(residents.getByResidentId('A3')).toMatchObject({ given_names: 'Lucía', sex: 'F' });
      // Only here: kept (nothing saved is lost) and reported for the manager to settle.
      expect(residents.getByResidentId('A4')?.status).toBe('active');
      expect(run.report.registerReconcile).toEqual({
        same: 1,
        changed: 1,
        onlyLocal: 1,
        changes: [{ residentId: 'A2', fields: ['surname1', 'address'] }],
      });

      // The same padrón on a counter that never imported: identical records, hash included.
      const fresh = testCore();
      const again = await createEnrolmentCode(central.store, 'Mostrador 2', new Date());
      await fresh.core.services.sync.enrol(SYSTEM, central.url, again.code);
      const first = await fresh.core.services.sync.syncOnce();
      expect(first.report.registerReconcile).toBeNull();
      for (const id of ['A1', 'A2', 'A3']) {
        const mine = recordOf(t, id) as Record<string, unknown>;
        const theirs = recordOf(fresh, id) as Record<string, unknown>;
        // Each counter hashes with its own key; everything else is central's.
        expect({ ...mine, document_hash: null, document_key: null }).toEqual({
          ...theirs,
          document_hash: null,
          document_key: null,
        });
      }

      // From now on the padrón comes from central only: a local import is refused, unchanged.
      expect(() => importFixture(t, csv([HEADER, ...LOCAL]))).toThrow(
        expect.objectContaining({ code: 'register_follows_central' }),
      );
      expect(residents.getByResidentId('A2')?.address).toBe('Plaza 7');
      // Later changes at central keep arriving.
      await importRegisterAtCentral(
        central.store,
        csv([HEADER, ...CENTRAL.map((r) => r.replace('Plaza 7', 'Plaza 8'))]),
        { fileName: 'padron-2.csv' },
      );
      const later = await t.core.services.sync.syncOnce();
      expect(residents.getByResidentId('A2')?.address).toBe('Plaza 8');
      // Nothing new was reconciled in that run: no report.
      expect(later.report.registerReconcile).toBeNull();
    } finally {
      await central.close();
    }
  }, 120_000);

  it.each([
    [
      'H in the file: M is mujer',
      ';',
      ['B1;;Ana;Ruiz;;1990-01-01;M;x', 'B2;;Luis;Gil;;1990-01-01;H;x'],
    ],
    ['no H: M is male', ';', ['B1;;Pablo;Ruiz;;1990-01-01;M;x', 'B2;;Luisa;Gil;;1990-01-01;F;x']],
    ['tabs: H still seen', '\t', ['B1;;Ana;Ruiz;;1990-01-01;M;x', 'B2;;Luis;Gil;;1990-01-01;H;x']],
  ])('reads the sex column with one rule at central and on the counter (%s)', (_, d, rows) => {
    const bytes = csv([HEADER, ...rows].map((line) => line.replaceAll(';', d)));
    const atCentral = readRegisterFile(bytes, 'es', new Date()).residents.map((r) => [
      r.resident_id,
      r.fields.sex,
    ]);
    const t = testCore();
    importFixture(t, bytes);
    const atCounter = ['B1', 'B2'].map((id) => [
      id,
      t.core.services.residents.getByResidentId(id)?.sex,
    ]);
    expect(atCounter).toEqual(atCentral);
    expect(atCounter[0]?.[1]).toBe(rows[1]?.includes(';H;') ? 'F' : 'M');
  });
});
