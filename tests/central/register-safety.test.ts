import { describe, expect, it } from 'vitest';
import { importRegisterAtCentral } from '../../src/central/register/service';
import { isAppError } from '../../src/shared/errors';
import { translateError } from '../../src/shared/i18n';
import { counterAppliers } from '../core/sync/counter-harness';
import { startCentral, storeVariants } from './harness';

const HEADER = 'ID;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO';
const row = (n: number): string =>
  `C${String(n).padStart(3, '0')};Nombre${n};Apellido${n};Gil;1980-01-${String((n % 28) + 1).padStart(2, '0')};M`;
const csv = (rows: string[]): Buffer => Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`);
const TOWN = Array.from({ length: 40 }, (_, i) => row(i + 1));

describe.each(storeVariants)('register import safety at central ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'a rejected row keeps its resident; a partial file is refused unless confirmed, and the dry run names who goes',
    async () => {
      const central = await startCentral(variant, counterAppliers);
      const active = async () =>
        (
          await central.store.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM register_residents WHERE status = 'active'`,
          )
        )[0]?.n;
      try {
        await importRegisterAtCentral(central.store, csv(TOWN), { fileName: 'padron.csv' });
        expect(await active()).toBe(40);

        // C002's row now has an impossible birth date: rejected, and not a departure.
        const broken = TOWN.map((r, i) => (i === 1 ? r.replace(/1980-01-\d\d/, '31/02/1980') : r));
        const kept = await importRegisterAtCentral(central.store, csv(broken), {
          fileName: 'padron-2.csv',
        });
        expect(kept).toMatchObject({ rejected: 1, deregistered: 0, deregistered_residents: [] });
        expect(await active()).toBe(40);

        // A two-row file (a test export) would deregister 38 of 40.
        const partial = csv(TOWN.slice(0, 2));
        const dry = await importRegisterAtCentral(central.store, partial, {
          fileName: 'prueba.csv',
          dryRun: true,
        });
        expect(dry).toMatchObject({ deregistered: 38, mass_deregistration: true, dry_run: true });
        expect(dry.deregistered_residents?.[0]).toEqual({
          resident_id: 'C003',
          name: 'Nombre3 Apellido3 Gil',
        });
        expect(dry.deregistered_residents).toHaveLength(38);

        const refused = await importRegisterAtCentral(central.store, partial, {
          fileName: 'prueba.csv',
        }).catch((e: unknown) => e);
        expect(isAppError(refused) && refused.code).toBe('register_mass_deregistration');
        if (!isAppError(refused)) throw refused;
        expect(translateError('es', refused.toShape())).toContain('38 de 40');
        expect(await active()).toBe(40);
        const changes = await central.store.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM changes WHERE payload->>'status' = 'deregistered'`,
        );
        expect(changes[0]?.n).toBe(0);

        const confirmed = await importRegisterAtCentral(central.store, partial, {
          fileName: 'prueba.csv',
          allowMassDeregistration: true,
        });
        expect(confirmed).toMatchObject({ deregistered: 38, mass_deregistration: true });
        expect(await active()).toBe(2);
      } finally {
        await central.close();
      }
    },
    120_000,
  );
});
