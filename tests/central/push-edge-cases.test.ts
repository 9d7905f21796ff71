import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  enrolTestDevice,
  push,
  type RunningCentral,
  startCentral,
  storeVariants,
  type TestDevice,
  testAppliers,
  wireOp,
} from './harness';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `central push edge cases on ${variant.name}${variant.skip ? ` (skipped: ${variant.skip})` : ''}`,
    () => {
      let central: RunningCentral;
      let device: TestDevice;
      beforeAll(async () => {
        central = await startCentral(variant, testAppliers);
      });
      afterAll(async () => central.close());
      beforeEach(async () => {
        device = await enrolTestDevice(central);
      });

      const applied = async (opIds: string[]) =>
        central.store.query<{ op_id: string }>(
          'SELECT op_id FROM applied_ops WHERE op_id = ANY($1)',
          [opIds],
        );

      it('refuses kinds that only exist on the object prototype, and stores nothing for them', async () => {
        const kinds = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
        const ops = kinds.map((kind) => wireOp(kind, {}));
        const { status, body } = await push(central, device, ops);
        expect(status).toBe(200);
        expect(body.results).toEqual(
          ops.map((o) => ({ op_id: o.op_id, status: 'rejected', error: 'unknown_kind' })),
        );
        expect(await applied(ops.map((o) => o.op_id))).toEqual([]);
      });

      it('one op id twice in a batch: the first is applied, the repeat is answered for what it is', async () => {
        const first = wireOp('test.note', { n: 1 });
        const same = { ...first, seq: first.seq + 1000 };
        const changed = wireOp(
          'test.note',
          { n: 2 },
          { op_id: first.op_id, seq: first.seq + 2000 },
        );
        const { body } = await push(central, device, [first, same, changed]);
        expect(body.results).toEqual([
          { op_id: first.op_id, status: 'applied' },
          { op_id: first.op_id, status: 'duplicate' },
          { op_id: first.op_id, status: 'rejected', error: 'idempotency_mismatch' },
        ]);
        const notes = await central.store.query<{ body: string }>(
          'SELECT body FROM test_notes WHERE op_id = $1',
          [first.op_id],
        );
        expect(notes.map((n) => JSON.parse(n.body) as unknown)).toEqual([{ n: 1 }]);
        expect(await applied([first.op_id])).toHaveLength(1);
      });

      it('a repeat of an op its applier refused is refused the same way, not called a duplicate', async () => {
        const poison = wireOp('test.poison', {});
        const again = { ...poison, seq: poison.seq + 1000 };
        const { body } = await push(central, device, [poison, again]);
        expect(body.results).toEqual([
          { op_id: poison.op_id, status: 'rejected', error: 'apply_failed' },
          { op_id: poison.op_id, status: 'rejected', error: 'apply_failed' },
        ]);
        expect(await applied([poison.op_id])).toEqual([]);
      });
    },
  );
}
