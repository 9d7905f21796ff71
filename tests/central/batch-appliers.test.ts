import { describe, expect, it } from 'vitest';
import { type OpApplier, type PushedOp, rejectOp } from '../../src/central/sync/appliers';
import { enrolTestDevice, push, startCentral, storeVariants, wireOp } from './harness';

const isBad = (op: PushedOp) => (op.payload as { bad?: boolean }).bad === true;

describe.each(storeVariants)('batch appliers ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'apply a run in one call; a failing run is redone op by op, rejecting only the bad op',
    async () => {
      const calls: number[] = [];
      const note: OpApplier = Object.assign(
        async (...[tx, device, op]: Parameters<OpApplier>) => {
          calls.push(1);
          if (isBad(op)) throw rejectOp('bad_note');
          await tx.query('INSERT INTO test_notes (op_id, device_id, body) VALUES ($1, $2, $3)', [
            op.op_id,
            device.id,
            'one',
          ]);
        },
        {
          many: async (...[tx, device, ops]: Parameters<NonNullable<OpApplier['many']>>) => {
            calls.push(ops.length);
            await tx.query(
              `INSERT INTO test_notes (op_id, device_id, body) SELECT u, $1, 'many' FROM unnest($2::text[]) AS u`,
              [device.id, ops.map((o) => o.op_id)],
            );
            if (ops.some(isBad)) throw rejectOp('bad_note');
          },
        },
      );
      const central = await startCentral(variant, { 'test.batch': note });
      try {
        const device = await enrolTestDevice(central);
        const rows = async () =>
          central.store.query<{ op_id: string; body: string }>(
            'SELECT op_id, body FROM test_notes ORDER BY op_id',
          );
        const good = Array.from({ length: 5 }, (_, i) => wireOp('test.batch', { i }));
        const first = await push(central, device, good);
        expect(first.body.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
        expect(calls).toEqual([5]);
        expect((await rows()).map((r) => r.body)).toEqual(Array(5).fill('many'));

        calls.length = 0;
        const mixed = [
          wireOp('test.batch', { i: 10 }),
          wireOp('test.batch', { bad: true }),
          wireOp('test.batch', { i: 11 }),
        ];
        const second = await push(central, device, mixed);
        expect(second.body.results).toEqual([
          { op_id: mixed[0]?.op_id, status: 'applied' },
          { op_id: mixed[1]?.op_id, status: 'rejected', error: 'bad_note' },
          { op_id: mixed[2]?.op_id, status: 'applied' },
        ]);
        // The batch attempt rolled back whole; the redo applied the good ops once each.
        expect(calls).toEqual([3, 1, 1, 1]);
        const after = await rows();
        expect(after).toHaveLength(7);
        expect(after.filter((r) => r.op_id === mixed[1]?.op_id)).toEqual([]);
        expect(
          after
            .filter((r) => r.body === 'one')
            .map((r) => r.op_id)
            .sort(),
        ).toEqual([mixed[0]?.op_id, mixed[2]?.op_id].sort());

        const again = await push(central, device, good);
        expect(again.body.results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
        expect(await rows()).toHaveLength(7);
        const [dev] = await central.store.query<{ last_error: string }>(
          'SELECT last_error FROM devices WHERE id = $1',
          [device.id],
        );
        expect(dev?.last_error).toBe('bad_note');
      } finally {
        await central.close();
      }
    },
    60_000,
  );
});
