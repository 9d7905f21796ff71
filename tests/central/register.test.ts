import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import { importRegisterAtCentral } from '../../src/central/register/service';
import { isAppError } from '../../src/shared/errors';
import { translateError } from '../../src/shared/i18n';
import { counterAppliers } from '../core/sync/counter-harness';
import { SYSTEM, type TestCore, testCore } from '../helpers/test-core';
import { startCentral, storeVariants } from './harness';

const HEADER = 'ID;DNI;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO;DOMICILIO';
const ROWS = [
  'A1;12345678Z;Rocío;Herrera;Vázquez;03/02/1990;M;C/ Mayor 1',
  'A2;X1234567L;Jan;Kowalski;;1985-07-14;H;Plaza 2',
  'A3;;Lucía;Pérez;Gil;2001-11-30;M;Calle Sol 3',
];
const csv = (rows: string[]): Buffer => Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`);

/** Every text value stored anywhere in the counter's database, to look for a plain number. */
const everyStoredText = (t: TestCore): string => {
  const db = t.core.deps.db;
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.map((name) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join();
};

const counter = async (central: {
  store: Parameters<typeof createEnrolmentCode>[0];
  url: string;
}) => {
  const t = testCore();
  const { code } = await createEnrolmentCode(central.store, 'Mostrador 1', new Date());
  await t.core.services.sync.enrol(SYSTEM, central.url, code);
  return t;
};

describe.each(storeVariants)('register at central ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'reaches counters as deltas: found by document, no plain number kept; a later baja arrives too',
    async () => {
      const central = await startCentral(variant, counterAppliers);
      try {
        const t = await counter(central);
        const first = await importRegisterAtCentral(central.store, csv(ROWS), {
          fileName: 'padron.csv',
        });
        expect(first).toMatchObject({ imported: 3, updated: 0, rejected: 0, deregistered: 0 });

        const run = await t.core.services.sync.syncOnce();
        expect(run.error).toBeNull();
        expect(run.report.pulled).toBeGreaterThanOrEqual(3);
        const residents = t.core.services.residents;
        expect(residents.findByDocumentNumber('12345678-Z').map((r) => r.resident_id)).toEqual([
          'A1',
        ]);
        const [best] = residents.match({
          document_number: 'X1234567L',
          given_names: 'JAN',
          surname1: 'KOWALSKI',
          birth_date: '1985-07-14',
        });
        expect(best).toMatchObject({ resident_id: 'A2', verdict: 'strong' });
        expect(best?.reasons).toContain('document_number_match');
        expect(best?.resident.document_masked).toBe('****4567*');
        // The file writes H for men, so M is mujer, as the counter's own importer reads it.
        expect(residents.getByResidentId('A1')?.sex).toBe('F');
        expect(residents.getByResidentId('A2')?.sex).toBe('M');
        const stored = everyStoredText(t);
        expect(stored).toContain('A1');
        expect(stored).not.toContain('12345678Z');
        expect(stored).not.toContain('X1234567L');

        // The next export lacks A3 and corrects A1's address.
        const second = await importRegisterAtCentral(
          central.store,
          csv([ROWS[0]?.replace('Mayor 1', 'Mayor 9') ?? '', ROWS[1] ?? '']),
          // One of three leaves: far past the share a full export would drop, so confirmed.
          { fileName: 'padron-2.csv', allowMassDeregistration: true },
        );
        expect(second).toMatchObject({ imported: 0, updated: 1, unchanged: 1, deregistered: 1 });
        await t.core.services.sync.syncOnce();
        expect(residents.getByResidentId('A3')).toMatchObject({
          status: 'deregistered',
          deregistered_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
        expect(residents.getByResidentId('A1')?.address).toBe('C/ Mayor 9');
        expect(residents.getByResidentId('A2')?.status).toBe('active');

        // A counter enrolled later still gets the whole register, baja included.
        const late = await counter(central);
        await late.core.services.sync.syncOnce();
        expect(late.core.services.residents.stats()).toMatchObject({
          active: 2,
          deregistered: 1,
        });
        const [audit] = await central.store.query<{ detail: { deregistered: number } }>(
          `SELECT detail FROM central_audit WHERE action = 'register.imported' ORDER BY id DESC LIMIT 1`,
        );
        expect(audit?.detail.deregistered).toBe(1);
      } finally {
        await central.close();
      }
    },
    120_000,
  );

  it.skipIf(variant.skip)(
    'a dry run changes nothing; a malformed file is refused with the translated error',
    async () => {
      const central = await startCentral(variant, counterAppliers);
      try {
        const dry = await importRegisterAtCentral(central.store, csv(ROWS), {
          fileName: 'padron.csv',
          dryRun: true,
        });
        expect(dry).toMatchObject({ imported: 3, dry_run: true });
        const count = async (table: string) =>
          (await central.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]
            ?.n;
        expect(await count('register_residents')).toBe(0);
        expect(await count('changes')).toBe(0);
        expect(await count('register_imports')).toBe(0);

        const broken = Buffer.from(`${HEADER}\r\nA1;"12345678Z;Rocío;Herrera\r\nA2;x;y\r\n`);
        const error = await importRegisterAtCentral(central.store, broken, {
          fileName: 'roto.csv',
        }).catch((e: unknown) => e);
        expect(isAppError(error) && error.code).toBe('register_unreadable_csv');
        if (!isAppError(error)) throw error;
        expect(translateError('en', error.toShape())).toMatch(/malformed near line \d+/);
        expect(await count('changes')).toBe(0);

        const rejected = await importRegisterAtCentral(
          central.store,
          csv(['B1;12345678A;Ana;Ruiz;;1990-01-01;M;x', 'B2;;Eva;Gil;;31/02/1990;M;x']),
          { fileName: 'malo.csv', language: 'en' },
        ).catch((e: unknown) => e);
        expect(isAppError(rejected) && rejected.code).toBe('register_no_valid_rows');
      } finally {
        await central.close();
      }
    },
    60_000,
  );
});
