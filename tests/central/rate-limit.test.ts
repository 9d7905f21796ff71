import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { DEFAULT_RATE_LIMITS } from '../../src/central/http/rate-limits';
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

interface Answer {
  readonly status: number;
  readonly retryAfter: number | undefined;
  readonly body: { error?: string };
}

// Every 127.x address is this machine: a second "client" the limits must tell apart.
const agents = new Map<string, Agent>();
const from = (
  address: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const u = new URL(url);
    let agent = agents.get(address);
    if (!agent) {
      agent = new Agent({ keepAlive: true, maxSockets: 50, localAddress: address });
      agents.set(address, agent);
    }
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: init.method ?? 'GET',
        headers: init.headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const retry = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: retry === undefined ? undefined : Number(retry),
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { error?: string },
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });

/** `count` requests, `CONCURRENCY` in flight at a time. */
const CONCURRENCY = 50;
const flood = async (count: number, one: (i: number) => Promise<Answer>): Promise<Answer[]> => {
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) answers.push(await one(next++));
    }),
  );
  return answers;
};

const statuses = (answers: readonly Answer[]) => {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
};

const expectThrottledWell = (answers: readonly Answer[]) => {
  const limited = answers.filter((a) => a.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  for (const a of limited) {
    expect(a.body.error).toBe('rate_limited');
    expect(a.retryAfter).toBeGreaterThanOrEqual(1);
    expect(a.retryAfter).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.windowMs / 1000);
  }
};

// Checks still running count against the budget too, so parallel guesses never pass it.
const REFUSAL_BOUND = DEFAULT_RATE_LIMITS.refusalsPerIp;

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `central rate limits on ${variant.name}${variant.skip ? ` (skipped: ${variant.skip})` : ''}`,
    () => {
      let central: RunningCentral | undefined;
      afterEach(async () => {
        await central?.close();
        central = undefined;
      });
      const refusalRows = async (action: string, ip: string) =>
        (
          await central!.store.query<{ count: number }>(
            `SELECT (detail->>'count')::int AS count FROM central_audit WHERE action = $1 AND detail->>'ip' = $2`,
            [action, ip],
          )
        ).map((r) => r.count);

      it('2,000 junk-signature pushes: a few refusals, then 429s; a few audit rows; an honest counter carries on', async () => {
        central = await startCentral(variant, testAppliers);
        const victim = await enrolTestDevice(central);
        const forger = { id: victim.id, key: newDeviceKey() };
        const answers = await flood(2000, () => {
          const body = JSON.stringify({ protocol: 1, device_id: victim.id, ops: [] });
          return from('127.0.0.2', `${central!.url}/v1/sync/push`, {
            method: 'POST',
            headers: signedHeaders(forger, 'POST', '/v1/sync/push', body),
            body,
          });
        });
        const counts = statuses(answers);
        expect(Object.keys(counts).sort()).toEqual(['401', '429']);
        expect(counts[401]).toBeGreaterThanOrEqual(DEFAULT_RATE_LIMITS.refusalsPerIp);
        expect(counts[401]).toBeLessThanOrEqual(REFUSAL_BOUND);
        expectThrottledWell(answers);
        // One row for the one source and reason, counting every refusal.
        expect(await refusalRows('auth.refused', '127.0.0.2')).toEqual([counts[401]]);
        // The forger's address is spent; the device itself, elsewhere, is not.
        const ops = Array.from({ length: 1000 }, (_, i) => wireOp('test.note', { i }));
        const { status, body } = await push(central, victim, ops);
        expect(status).toBe(200);
        expect(body.results.every((r) => r.status === 'applied')).toBe(true);
      }, 180_000);

      it('staff-token guessing is cut to the refusal budget; the real token still answers', async () => {
        central = await startCentral(variant, testAppliers);
        const token = await createStaffToken(central.store, 'Policía Local', new Date());
        const answers = await flood(500, () =>
          from('127.0.0.3', `${central!.url}/v1/devices`, {
            headers: { authorization: `Bearer ${randomUUID()}${randomUUID()}` },
          }),
        );
        const counts = statuses(answers);
        expect(counts[401]).toBeLessThanOrEqual(REFUSAL_BOUND);
        expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(500);
        expectThrottledWell(answers);
        expect(await refusalRows('token.refused', '127.0.0.3')).toEqual([counts[401]]);
        // Even from the spent address a request is refused unchecked: the right token waits too.
        const spent = await from('127.0.0.3', `${central.url}/v1/devices`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(spent.status).toBe(429);
        const fine = await from('127.0.0.1', `${central.url}/v1/devices`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(fine.status).toBe(200);
      }, 120_000);

      it('enrolment-code guessing is cut to the refusal budget; a real code still enrols', async () => {
        central = await startCentral(variant, testAppliers);
        const key = newDeviceKey().publicKeyBase64;
        const answers = await flood(500, () =>
          from('127.0.0.4', `${central!.url}/v1/enroll`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              code: randomUUID().slice(0, 19).toUpperCase(),
              device_id: randomUUID(),
              public_key: key,
            }),
          }),
        );
        const counts = statuses(answers);
        expect(counts[403]).toBeLessThanOrEqual(REFUSAL_BOUND);
        expect((counts[403] ?? 0) + (counts[429] ?? 0)).toBe(500);
        expectThrottledWell(answers);
        // Each guess claimed another device id: still one row for the address.
        expect(await refusalRows('enrolment.refused', '127.0.0.4')).toEqual([counts[403]]);
        const { code } = await createEnrolmentCode(central.store, 'Mostrador 2', new Date());
        const ok = await from('127.0.0.1', `${central.url}/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, device_id: randomUUID(), public_key: key }),
        });
        expect(ok.status).toBe(200);
      }, 120_000);

      it('per address: past its budget an address gets 429 with Retry-After, others do not; throttling is audited once', async () => {
        central = await startCentral(variant, testAppliers, {
          rateLimits: { perIp: 100, windowMs: 2_000 },
        });
        const answers = await flood(300, () => from('127.0.0.5', `${central!.url}/v1/health`));
        expect(statuses(answers)).toEqual({ 200: 100, 429: 200 });
        for (const a of answers.filter((x) => x.status === 429)) {
          expect(a.body.error).toBe('rate_limited');
          expect(a.retryAfter).toBeGreaterThanOrEqual(1);
          expect(a.retryAfter).toBeLessThanOrEqual(2);
        }
        expect((await from('127.0.0.1', `${central.url}/v1/health`)).status).toBe(200);
        // Counted in memory and written once the window is over: one row, the whole count.
        await expect
          .poll(() => refusalRows('rate.limited', '127.0.0.5'), { timeout: 10_000 })
          .toEqual([200]);
        // A new window, a new budget.
        await expect
          .poll(async () => (await from('127.0.0.5', `${central!.url}/v1/health`)).status, {
            timeout: 10_000,
          })
          .toBe(200);
      }, 60_000);

      it('per counter: past its budget one counter gets 429, another counter does not', async () => {
        central = await startCentral(variant, testAppliers, { rateLimits: { perDevice: 20 } });
        const busy = await enrolTestDevice(central, 'Mostrador ocupado');
        const calm = await enrolTestDevice(central, 'Mostrador tranquilo');
        const pull = (device: typeof busy) =>
          from('127.0.0.1', `${central!.url}/v1/sync/pull?cursor=0`, {
            headers: signedHeaders(device, 'GET', '/v1/sync/pull?cursor=0', ''),
          });
        const answers = await flood(60, () => pull(busy));
        expect(statuses(answers)).toEqual({ 200: 20, 429: 40 });
        expect((await pull(calm)).status).toBe(200);
      });
    },
  );
}
