import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import {
  enrolTestDevice,
  newDeviceKey,
  push,
  type RunningCentral,
  signedHeaders,
  startCentral,
  storeVariants,
  testAppliers,
  wireOp,
} from './harness';

// Words of PostgreSQL's and PGlite's error texts: none of them may reach a client.
const DATABASE_WORDS = /byte sequence|0x00|UTF8|syntax|relation|column|constraint|stack/i;

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `central refuses bad input at the edge on ${variant.name}${variant.skip ? ` (skipped: ${variant.skip})` : ''}`,
    () => {
      let central: RunningCentral;
      let failNextCommit = false;
      beforeAll(async () => {
        central = await startCentral(variant, testAppliers, {
          afterPushCommit: async () => {
            if (!failNextCommit) return;
            failNextCommit = false;
            throw new Error('relation "secret_table" does not exist at character 0x00');
          },
        });
      });
      afterAll(async () => central.close());

      const expectRefused = async (res: Response, status: number, error: string) => {
        const text = await res.text();
        expect({ status: res.status, text }).toMatchObject({ status });
        expect(JSON.parse(text)).toEqual({ error, server_time: expect.any(String) });
        expect(text).not.toMatch(DATABASE_WORDS);
      };

      it('a NUL byte in an enrolling device id is a 400, not the database error', async () => {
        const { code } = await createEnrolmentCode(central.store, 'Mostrador NUL', new Date());
        const res = await fetch(`${central.url}/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            code,
            device_id: 'a\u0000b',
            public_key: newDeviceKey().publicKeyBase64,
          }),
        });
        await expectRefused(res, 400, 'invalid_request');
        const [codeRow] = await central.store.query<{ used_at: Date | null }>(
          'SELECT used_at FROM enrolment_codes WHERE device_name = $1',
          ['Mostrador NUL'],
        );
        expect(codeRow?.used_at).toBeNull();
      });

      it('%00 in a handle, a network or a verification id is a 400', async () => {
        const token = await createStaffToken(central.store, 'Policía NUL', new Date());
        const auth = { authorization: `Bearer ${token}` };
        for (const path of [
          '/v1/handles/telegram/@a%00b',
          '/v1/handles/tele%00gram/@ana',
          '/v1/verifications/a%00b/proof',
        ]) {
          const res = await fetch(`${central.url}${path}`, {
            method: path.endsWith('proof') ? 'POST' : 'GET',
            headers: { ...auth, 'content-type': 'application/json' },
            body: path.endsWith('proof') ? JSON.stringify({ code: '123456' }) : undefined,
          });
          await expectRefused(res, 400, 'invalid_request');
        }
      });

      it('a NUL byte in a pushed entity id is a 400 and nothing is applied', async () => {
        const device = await enrolTestDevice(central);
        const op = wireOp('test.note', { n: 1 }, { entity_id: 'e\u0000' });
        const body = JSON.stringify({ protocol: 1, device_id: device.id, ops: [op] });
        const res = await fetch(`${central.url}/v1/sync/push`, {
          method: 'POST',
          headers: signedHeaders(device, 'POST', '/v1/sync/push', body),
          body,
        });
        await expectRefused(res, 400, 'invalid_request');
        expect(
          await central.store.query('SELECT 1 FROM applied_ops WHERE op_id = $1', [op.op_id]),
        ).toEqual([]);
      });

      it('a failure inside central answers a generic 500, its text stays in the log', async () => {
        const device = await enrolTestDevice(central);
        failNextCommit = true;
        const op = wireOp('test.note', { n: 2 });
        const body = JSON.stringify({ protocol: 1, device_id: device.id, ops: [op] });
        const res = await fetch(`${central.url}/v1/sync/push`, {
          method: 'POST',
          headers: signedHeaders(device, 'POST', '/v1/sync/push', body),
          body,
        });
        await expectRefused(res, 500, 'internal');
        // The commit stood: a resend is answered as a duplicate.
        expect((await push(central, device, [op])).body.results).toEqual([
          { op_id: op.op_id, status: 'duplicate' },
        ]);
      });

      it('framework refusals keep the one error shape (unknown route, bad JSON type, too large)', async () => {
        await expectRefused(await fetch(`${central.url}/v1/nothing-here`), 404, 'not_found');
        await expectRefused(
          await fetch(`${central.url}/v1/enroll`, {
            method: 'POST',
            headers: { 'content-type': 'application/xml' },
            body: 'x',
          }),
          415,
          'unsupported_media_type',
        );
        await expectRefused(
          await fetch(`${central.url}/v1/enroll`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: `"${'x'.repeat(5 * 1024 * 1024)}"`,
          }),
          413,
          'payload_too_large',
        );
      });
    },
  );
}
