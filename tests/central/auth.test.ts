import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import { revokeDevice } from '../../src/central/devices/service';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import {
  enrolTestDevice,
  newDeviceKey,
  type RunningCentral,
  signedHeaders,
  startCentral,
  storeVariants,
  testAppliers,
  wireOp,
} from './harness';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `central auth on ${variant.name}${variant.skip ? ` (skipped: ${variant.skip})` : ''}`,
    () => {
      let central: RunningCentral;
      beforeAll(async () => {
        central = await startCentral(variant, testAppliers);
      });
      afterAll(async () => central.close());

      const pushWith = (headers: Record<string, string>, body: string) =>
        fetch(`${central.url}/v1/sync/push`, { method: 'POST', headers, body });
      const body = (deviceId: string) =>
        JSON.stringify({ protocol: 1, device_id: deviceId, ops: [wireOp('test.note', { x: 1 })] });
      // One row per source and reason in a window, with a count: a reason as many times as refused.
      const refusals = async (deviceId: string) =>
        (
          await central.store.query<{ reason: string; count: number }>(
            `SELECT detail->>'reason' AS reason, (detail->>'count')::int AS count FROM central_audit
             WHERE action = 'auth.refused' AND device_id = $1 ORDER BY id`,
            [deviceId],
          )
        ).flatMap((r) => Array.from({ length: r.count }, () => r.reason));

      it('refuses a bad signature, a replay, a stale timestamp and an unknown device, and audits each', async () => {
        const device = await enrolTestDevice(central);
        const text = body(device.id);
        const headers = signedHeaders(device, 'POST', '/v1/sync/push', text);
        const tampered = text.replace('"protocol":1', '"protocol": 1');
        expect((await pushWith(headers, tampered)).status).toBe(401);
        expect((await pushWith(headers, text)).status).toBe(200);
        const replay = await pushWith(headers, text);
        expect(replay.status).toBe(401);
        expect(await replay.json()).toMatchObject({ error: 'replayed_request' });
        const stale = await pushWith(
          signedHeaders(device, 'POST', '/v1/sync/push', text, new Date(Date.now() - 6 * 60_000)),
          text,
        );
        expect(stale.status).toBe(401);
        expect(await stale.json()).toMatchObject({
          error: 'clock_skew',
          server_time: expect.any(String),
        });
        const stranger = { id: randomUUID(), key: newDeviceKey() };
        expect(
          (
            await pushWith(
              signedHeaders(stranger, 'POST', '/v1/sync/push', body(stranger.id)),
              body(stranger.id),
            )
          ).status,
        ).toBe(401);
        const forged = { id: device.id, key: newDeviceKey() };
        expect(
          (await pushWith(signedHeaders(forged, 'POST', '/v1/sync/push', text), text)).status,
        ).toBe(401);
        expect(await refusals(device.id)).toEqual([
          'bad_signature',
          'bad_signature',
          'replayed_request',
          'clock_skew',
        ]);
        expect(await refusals(stranger.id)).toEqual(['unknown_device']);
      });

      it('a revoked device is stopped on its next request', async () => {
        const device = await enrolTestDevice(central);
        const text = body(device.id);
        expect(
          (await pushWith(signedHeaders(device, 'POST', '/v1/sync/push', text), text)).status,
        ).toBe(200);
        await revokeDevice(central.store, device.id, new Date());
        expect(
          (await pushWith(signedHeaders(device, 'POST', '/v1/sync/push', text), text)).status,
        ).toBe(403);
        expect(await refusals(device.id)).toEqual(['device_revoked']);
      });

      it('an enrolment code works once and not after 24 h', async () => {
        const enrol = (code: string) =>
          fetch(`${central.url}/v1/enroll`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              code,
              device_id: randomUUID(),
              public_key: newDeviceKey().publicKeyBase64,
            }),
          });
        const old = await createEnrolmentCode(
          central.store,
          'Mostrador viejo',
          new Date(Date.now() - 25 * 3_600_000),
        );
        const expired = await enrol(old.code);
        expect(expired.status).toBe(403);
        expect(await expired.json()).toMatchObject({ error: 'enrolment_code_expired' });
        const fresh = await createEnrolmentCode(central.store, 'Mostrador nuevo', new Date());
        expect((await enrol(fresh.code.toLowerCase())).status).toBe(200);
        expect((await enrol(fresh.code)).status).toBe(403);
        const audited = await central.store.query<{ reason: string }>(
          `SELECT detail->>'reason' AS reason FROM central_audit WHERE action = 'enrolment.refused' ORDER BY id`,
        );
        expect(audited.map((r) => r.reason)).toEqual(
          expect.arrayContaining(['enrolment_code_expired', 'enrolment_code_invalid']),
        );
      });

      it('the device board and the handle directory need a staff token and give no personal data', async () => {
        const device = await enrolTestDevice(central, 'Mostrador board');
        const text = JSON.stringify({
          protocol: 1,
          device_id: device.id,
          queue_depth: 7,
          ops: [wireOp('nope', {})],
        });
        await pushWith(signedHeaders(device, 'POST', '/v1/sync/push', text), text);
        expect((await fetch(`${central.url}/v1/devices`)).status).toBe(401);
        const token = await createStaffToken(central.store, 'Policía Local', new Date());
        const auth = { authorization: `Bearer ${token}` };
        const board = (await (
          await fetch(`${central.url}/v1/devices`, { headers: auth })
        ).json()) as {
          devices: { id: string; queue_depth: number; last_error: string; last_seen_at: string }[];
        };
        expect(board.devices.find((d) => d.id === device.id)).toMatchObject({
          queue_depth: 7,
          last_error: 'unknown_kind',
          last_seen_at: expect.any(String),
        });
        await central.store.query(
          `INSERT INTO handles (network, handle, masked_name, verified_since) VALUES ('telegram', '@ana', 'A*** R***', now())`,
        );
        const found = await (
          await fetch(`${central.url}/v1/handles/telegram/@Ana`, { headers: auth })
        ).json();
        expect(found).toEqual({
          verified: true,
          since: expect.any(String),
          masked_name: 'A*** R***',
        });
        expect(
          await (
            await fetch(`${central.url}/v1/handles/telegram/@nobody`, { headers: auth })
          ).json(),
        ).toEqual({ verified: false });
        expect(
          (
            await fetch(`${central.url}/v1/handles/telegram/@ana`, {
              headers: { authorization: 'Bearer wrong-token-wrong-token' },
            })
          ).status,
        ).toBe(401);
      });
    },
  );
}
