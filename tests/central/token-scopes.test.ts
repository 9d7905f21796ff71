import { afterEach, describe, expect, it } from 'vitest';
import { runAdminOp } from '../../src/central/admin-dispatch';
import { type RunningCentral, startCentral, storeVariants, testAppliers } from './harness';

let central: RunningCentral | undefined;
afterEach(async () => {
  await central?.close();
  central = undefined;
});

const get = async (c: RunningCentral, path: string, token: string) => {
  const res = await fetch(`${c.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { error?: string } };
};

describe.each(storeVariants)("machine clients' tokens with scopes ($name)", (variant) => {
  it.skipIf(variant.skip)(
    'a directory-only token looks handles up and is refused the device board; an unscoped one reaches both',
    async () => {
      central = await startCentral(variant, testAppliers);
      const { token: directoryOnly } = await runAdminOp(central.store, 'token', {
        name: 'web del ayuntamiento',
        scopes: ['directory'],
      });
      const { token: all } = await runAdminOp(central.store, 'token', { name: 'integración' });
      expect((await get(central, '/v1/handles/x/ana_g', directoryOnly)).status).toBe(200);
      expect(await get(central, '/v1/devices', directoryOnly)).toEqual({
        status: 403,
        body: expect.objectContaining({ error: 'scope_forbidden' }),
      });
      expect((await get(central, '/v1/verifications/pending-proofs', directoryOnly)).status).toBe(
        403,
      );
      expect((await get(central, '/v1/devices', all)).status).toBe(200);
      expect((await get(central, '/v1/verifications/pending-proofs', all)).status).toBe(200);
      const refusals = await central.store.query<{ detail: { reason?: string } }>(
        "SELECT detail FROM central_audit WHERE action = 'token.refused'",
      );
      expect(refusals.map((r) => r.detail.reason)).toContain('scope');
      await expect(
        runAdminOp(central.store, 'token', { name: 'x', scopes: ['everything'] }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
    },
  );
});
