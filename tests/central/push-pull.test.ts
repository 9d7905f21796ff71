import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { centralTx } from '../../src/central/sync/service';
import { pullChanges } from '../../src/central/sync/service';
import {
  enrolTestDevice,
  push,
  type RunningCentral,
  signedHeaders,
  startCentral,
  storeVariants,
  type TestDevice,
  testAppliers,
  wireOp,
} from './harness';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `central push and pull on ${variant.name}${variant.skip ? ` (skipped: ${variant.skip})` : ''}`,
    () => {
      let central: RunningCentral;
      let device: TestDevice;
      const order: number[] = [];
      // One embedded database per file: starting PGlite costs seconds. Each test gets its own device.
      beforeAll(async () => {
        central = await startCentral(variant, {
          ...testAppliers,
          'test.order': async (_tx, _d, op) => {
            order.push(op.seq);
          },
        });
      });
      afterAll(async () => central.close());
      beforeEach(async () => {
        device = await enrolTestDevice(central);
      });

      const notes = async () =>
        central.store.query<{ op_id: string }>(
          'SELECT op_id FROM test_notes WHERE device_id = $1',
          [device.id],
        );

      it('applies once, answers duplicate on a resend, and rejects a reused op_id with another payload', async () => {
        const op = wireOp('test.note', { n: 1 });
        expect((await push(central, device, [op])).body.results).toEqual([
          { op_id: op.op_id, status: 'applied' },
        ]);
        expect((await push(central, device, [op])).body.results).toEqual([
          { op_id: op.op_id, status: 'duplicate' },
        ]);
        const other = wireOp('test.note', { n: 2 }, { op_id: op.op_id, seq: op.seq });
        expect((await push(central, device, [other])).body.results[0]).toMatchObject({
          status: 'rejected',
          error: 'idempotency_mismatch',
        });
        expect(await notes()).toHaveLength(1);
      });

      it('rejects unknown kinds, poison ops and bad hashes without blocking the ops after them', async () => {
        const ops = [
          wireOp('test.note', { n: 1 }),
          wireOp('no.such.kind', {}),
          wireOp('test.poison', {}),
          { ...wireOp('test.note', { n: 3 }), payload_sha256: '0'.repeat(64) },
          wireOp('test.note', { n: 4 }),
        ];
        const { body } = await push(central, device, ops);
        expect(body.results.map((r) => r.error ?? r.status)).toEqual([
          'applied',
          'unknown_kind',
          'apply_failed',
          'payload_hash_mismatch',
          'applied',
        ]);
        expect((await notes()).map((n) => n.op_id).sort()).toEqual(
          [ops[0]?.op_id, ops[4]?.op_id].sort(),
        );
      });

      it('the same batch posted twice at once has one effect per op', async () => {
        const ops = Array.from({ length: 50 }, (_, i) => wireOp('test.note', { i }));
        const [a, b] = await Promise.all([push(central, device, ops), push(central, device, ops)]);
        const statuses = [...a.body.results, ...b.body.results].map((r) => r.status);
        expect(statuses.filter((s) => s === 'applied')).toHaveLength(50);
        expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(50);
        expect(await notes()).toHaveLength(50);
      });

      it('applies a batch in seq order whatever order it was sent in', async () => {
        const ops = [wireOp('test.order', {}), wireOp('test.order', {}), wireOp('test.order', {})];
        await push(
          central,
          device,
          [ops[2], ops[0], ops[1]].filter((o) => o !== undefined),
        );
        expect(order).toEqual(ops.map((o) => o.seq));
      });

      it('pull pages through changes by server sequence', async () => {
        const other = await enrolTestDevice(central, 'Mostrador 2');
        const [start] = await central.store.query<{ seq: number }>(
          'SELECT coalesce(max(seq), 0) AS seq FROM changes',
        );
        await central.store.transaction(async (raw) => {
          const tx = centralTx(raw, new Date());
          for (let i = 1; i <= 5; i++)
            await tx.emitChange({
              type: 'test.change',
              entity_id: `x${i}`,
              version: 1,
              payload: { i },
            });
          await tx.emitChange({
            type: 'test.change',
            entity_id: 'other',
            version: 1,
            payload: {},
            device_id: other.id,
          });
        });
        const page = async (cursor: number) => {
          const path = `/v1/sync/pull?cursor=${cursor}&limit=3`;
          const res = await fetch(`${central.url}${path}`, {
            headers: signedHeaders(device, 'GET', path, ''),
          });
          return (await res.json()) as {
            changes: { entity_id: string }[];
            next_cursor: number;
            has_more: boolean;
          };
        };
        const first = await page(Number(start?.seq));
        expect(first.changes.map((c) => c.entity_id)).toEqual(['x1', 'x2', 'x3']);
        expect(first.has_more).toBe(true);
        const second = await page(first.next_cursor);
        expect(second.changes.map((c) => c.entity_id)).toEqual(['x4', 'x5']);
        expect(second.has_more).toBe(false);
        expect((await page(second.next_cursor)).changes).toEqual([]);
      });

      it.skipIf(variant.name === 'pglite')(
        // PGlite has a single connection: its transactions cannot interleave, so nothing to test there.
        'a change that commits late is never skipped by the cursor (PostgreSQL only)',
        async () => {
          // Transaction A takes sequence first and commits last; B must not overtake it.
          let releaseA: () => void = () => undefined;
          const aHolding = new Promise<void>((resolve) => {
            releaseA = resolve;
          });
          let aEmitted: () => void = () => undefined;
          const aReady = new Promise<void>((resolve) => {
            aEmitted = resolve;
          });
          const a = central.store.transaction(async (raw) => {
            await centralTx(raw, new Date()).emitChange({
              type: 't',
              entity_id: 'A',
              version: 1,
              payload: {},
            });
            aEmitted();
            await aHolding;
          });
          await aReady;
          const b = central.store.transaction(async (raw) => {
            await centralTx(raw, new Date()).emitChange({
              type: 't',
              entity_id: 'B',
              version: 1,
              payload: {},
            });
          });
          await new Promise((r) => setTimeout(r, 100));
          const [start] = await central.store.query<{ seq: number }>(
            'SELECT coalesce(max(seq), 0) AS seq FROM changes',
          );
          const during = await pullChanges(central.store, device.id, Number(start?.seq), 100);
          expect(during.changes).toEqual([]);
          releaseA();
          await Promise.all([a, b]);
          const after = await pullChanges(central.store, device.id, during.next_cursor, 100);
          expect(after.changes.map((c) => c.entity_id)).toEqual(['A', 'B']);
        },
      );
    },
  );
}
