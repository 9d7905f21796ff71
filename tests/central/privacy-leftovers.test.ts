import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralAudit } from '../../src/central/audit/store';
import { reconcileWanted } from '../../src/central/bluesky/store';
import { opAppliers } from '../../src/central/op-appliers';
import { centralTx } from '../../src/central/sync/service';
import { renameVerifications } from '../../src/central/verifications/accounts-store';
import { refreshHandle } from '../../src/central/verifications/rules';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

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

      it('erasure: the Bluesky record keeps only its key, and a handle from before a rename loses its directory row', async () => {
        const c = await verificationCounter(running());
        const v = await c.save(SOFIA, '@sofia-antes.test', { network: 'bluesky' });
        await c.sync();
        const store = running().store;
        const did = 'did:plc:sofiatest0000000000000';
        const at = new Date();
        // As the counter's look-up and central's worker would leave it: the DID known, a record
        // queued for the town's repo (which has no account here, so nothing ever reaches a PDS).
        await store.query(
          `UPDATE handle_verifications SET platform_user_id = $2, display_name = 'Sofía F.'
         WHERE id = $1`,
          [v.id, did],
        );
        await reconcileWanted(store, at, () => 'rkeysofia1');
        // The drift watch following a confirmed rename: the steps it takes, in its order.
        await store.transaction(async (tx) => {
          const old = await renameVerifications(tx, did, '@sofia-ahora.test');
          for (const h of [...old, '@sofia-ahora.test'])
            await refreshHandle(centralTx(tx, at), 'bluesky', h);
          await centralAudit(tx, at, 'bluesky.handle_changed', null, {
            id: v.id,
            did,
            from: 'sofia-antes.test',
            to: 'sofia-ahora.test',
            policy: 'refresh',
          });
        });
        const directory = () =>
          store.query<{ handle: string; revoked: boolean }>(
            `SELECT handle, revoked_at IS NOT NULL AS revoked FROM handles
           WHERE handle LIKE '@sofia-%' ORDER BY handle`,
          );
        expect(await directory()).toEqual([
          { handle: '@sofia-ahora.test', revoked: false },
          { handle: '@sofia-antes.test', revoked: true },
        ]);

        await c.t.call(
          'privacyCentralRequest',
          { kind: 'erase', residentId: SOFIA.id, confirm: SOFIA.id },
          c.manager,
        );
        await c.sync();
        expect(await directory()).toEqual([]);
        const records = await store.query<Record<string, unknown>>(
          `SELECT subject_did, handle, display_name, rkey, want FROM bluesky_records
         WHERE verification_id = $1`,
          [v.id],
        );
        expect(records).toEqual([
          { subject_did: '', handle: '', display_name: null, rkey: 'rkeysofia1', want: 'absent' },
        ]);
      });
    },
  );
}
