import { describe, expect, it } from 'vitest';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { type DeviceBoard } from '../../src/central/devices/service';
import { opAppliers } from '../../src/central/op-appliers';
import { enrolTestDevice, push, startCentral, storeVariants, wireOp } from './harness';

const hex = (c: string) => c.repeat(64);

describe.each(storeVariants)('device board ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'keeps showing an audit-chain flag after later errors overwrite last_error',
    async () => {
      const central = await startCentral(variant, opAppliers);
      try {
        const device = await enrolTestDevice(central, 'Mostrador 2');
        const honest = await enrolTestDevice(central, 'Mostrador 1');
        // Entry 5 with nothing before it: the chain has a gap from entry 1.
        const gap = await push(central, device, [
          wireOp('audit.entry', {
            seq: 5,
            at: new Date().toISOString(),
            utc_offset_min: 60,
            device: device.id,
            actor_id: null,
            actor_name: 'x',
            actor_role: 'clerk',
            action: 'auth.signed_in',
            subject: null,
            details: '{}',
            prev_hash: hex('a'),
            hash: hex('b'),
          }),
        ]);
        expect(gap.body.results[0]?.status).toBe('applied');
        // A later, unrelated refusal overwrites last_error...
        expect((await push(central, device, [wireOp('no.such.kind', {})])).body.results[0]).toEqual(
          expect.objectContaining({ status: 'rejected', error: 'unknown_kind' }),
        );
        const token = await createStaffToken(central.store, 'Secretaría', new Date());
        const res = await fetch(`${central.url}/v1/devices`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        const board = (await res.json()) as DeviceBoard;
        // ...but the board still shows the chain flag, with where it broke and when.
        expect(board.devices.map((d) => d.name)).toEqual(['Mostrador 1', 'Mostrador 2']);
        expect(board.devices.find((d) => d.id === device.id)).toMatchObject({
          last_error: 'unknown_kind',
          audit_flag: { problem: 'seq_gap', seq: 1, flagged_at: expect.any(String) },
        });
        expect(board.devices.find((d) => d.id === honest.id)).toMatchObject({
          last_error: null,
          audit_flag: null,
        });
      } finally {
        await central.close();
      }
    },
    60_000,
  );
});
