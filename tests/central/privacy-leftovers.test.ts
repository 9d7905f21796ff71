import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opAppliers } from '../../src/central/op-appliers';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, verificationCounter } from './verification-counter';

/** Juan's padrón row as central would hold it after a register import (synthetic). */
const REGISTER_FIELDS = {
  document_type: 'DNI',
  document_number: JUAN.number,
  given_names: 'Juan Carlos',
  surname1: 'Díaz',
  surname2: 'Ibáñez',
  birth_date: '1952-05-03',
  address: 'C/ Mayor, 1',
};

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `what an erasure at central leaves behind (${variant.name})`,
    () => {
      let central: RunningCentral | undefined;
      const running = (): RunningCentral => {
        if (!central) throw new Error('central not started');
        return central;
      };
      beforeAll(async () => {
        central = await startCentral(variant, opAppliers);
        await central.store.query(
          `INSERT INTO register_residents (resident_id, version, status, row_hash, fields, updated_at)
         VALUES ($1, 1, 'active', 'h', $2, now())`,
          [JUAN.id, JSON.stringify(REGISTER_FIELDS)],
        );
      });
      afterAll(async () => central?.close());

      const changesNaming = async (...needles: string[]) =>
        (
          await running().store.query<{ type: string; text: string }>(
            'SELECT type, payload::text AS text FROM changes ORDER BY seq',
          )
        ).filter((r) => needles.some((n) => r.text.includes(n)));

      it('export then erasure: no change in the feed keeps the export', async () => {
        const c = await verificationCounter(running());
        await c.save(JUAN, '@juan_rastro');
        await c.sync();
        const ask = (kind: 'export' | 'erase') =>
          c.t.call(
            'privacyCentralRequest',
            kind === 'erase'
              ? { kind, residentId: JUAN.id, confirm: JUAN.id }
              : { kind, residentId: JUAN.id },
            c.manager,
          );
        await ask('export');
        await c.sync();
        // The export did travel with the resident's padrón data: what the erasure must reach.
        expect((await changesNaming('1952-05-03')).map((r) => r.type)).toEqual(['privacy.answer']);

        await ask('erase');
        await c.sync();
        expect(await changesNaming('Juan Carlos', '1952-05-03', 'C/ Mayor', 'juan_rastro')).toEqual(
          [],
        );
        // The answers stay, so a counter that had not pulled the export still hears it was answered.
        const answers = await running().store.query<{ payload: Record<string, unknown> }>(
          `SELECT payload FROM changes WHERE type = 'privacy.answer' ORDER BY seq`,
        );
        expect(answers.map((a) => [a.payload.export, a.payload.erasure === null])).toEqual([
          [null, true],
          [null, false],
        ]);
      });
    },
  );
}
