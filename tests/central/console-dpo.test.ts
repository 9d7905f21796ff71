import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminOp } from '../../src/central/admin-dispatch';
import { opAppliers } from '../../src/central/op-appliers';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

const PASSWORD = 'contraseña-larga';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(`the DPO's console screens at central (${variant.name})`, () => {
    let central: RunningCentral | undefined;
    let token = '';
    const running = (): RunningCentral => {
      if (!central) throw new Error('central not started');
      return central;
    };
    beforeAll(async () => {
      central = await startCentral(variant, opAppliers);
      await runAdminOp(central.store, 'staffAdd', {
        username: 'dora',
        display_name: 'Dora',
        role: 'dpo',
        password: PASSWORD,
      });
      const res = await fetch(`${central.url}/console/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'dora', password: PASSWORD }),
      });
      token = String(((await res.json()) as { token: string }).token);
    });
    afterAll(async () => central?.close());

    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${running().url}/console/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const holder = async (handle: string) =>
      (
        await running().store.query<{ masked_name: string }>(
          'SELECT masked_name FROM handles WHERE handle = $1 AND revoked_at IS NULL',
          [handle],
        )
      )[0]?.masked_name;

    /** One handle verified for Juan at counter A, then for Sofía at counter B. */
    const twoCounters = async (handle: string) => {
      const a = await verificationCounter(running());
      const b = await verificationCounter(running());
      const first = await a.save(JUAN, handle);
      await a.sync();
      b.t.clock.advance(1000);
      const second = await b.save(SOFIA, handle);
      await b.sync();
      return { a, b, first, second };
    };

    it('transfers a handle claimed at two counters: the earlier holder is revoked at its counter', async () => {
      const { a, first, second } = await twoCounters('@en_disputa');
      const listed = await api('GET', '/conflicts?q=disputa');
      expect(listed.body.conflicts).toEqual([
        expect.objectContaining({
          id: `central:${second.id}`,
          state: 'open',
          handle: '@en_disputa',
        }),
      ]);
      const done = await api(
        'POST',
        `/conflicts/${encodeURIComponent(`central:${second.id}`)}/resolve`,
        {
          decision: 'transfer',
          reason: 'La titular acreditó la cuenta',
        },
      );
      expect(done).toMatchObject({
        status: 200,
        body: { state: 'transferred', revoked: [first.id] },
      });
      expect(await holder('@en_disputa')).toBe('S*** F*** Á***');
      // Settled once: a second decision is refused.
      const again = await api(
        'POST',
        `/conflicts/${encodeURIComponent(`central:${second.id}`)}/resolve`,
        {
          decision: 'reject',
          reason: 'Otra vez',
        },
      );
      expect(again).toMatchObject({ status: 409, body: { error: 'conflict_closed' } });
      await a.sync();
      const mine = await a.t.call('verifyGet', { id: first.id }, a.manager);
      expect(mine.state).toBe('revoked');
    });

    it('rejects a later claim: the later one is revoked, the earlier holder stays', async () => {
      const { second } = await twoCounters('@segunda_vez');
      const done = await api(
        'POST',
        `/conflicts/${encodeURIComponent(`central:${second.id}`)}/resolve`,
        { decision: 'reject', reason: 'La cuenta es de quien la verificó antes' },
      );
      expect(done.body).toMatchObject({ state: 'rejected', revoked: [second.id] });
      expect(await holder('@segunda_vez')).toBe('J*** C*** D*** I***');
      expect(
        (await api('POST', '/conflicts/otro/resolve', { decision: 'reject', reason: 'xyz' })).body,
      ).toMatchObject({ error: 'unknown_conflict' });
    });

    it('confirms a pending proof with the code the town saw, and revokes with a reason', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@juan_con_codigo', { proof: 'challenge_code' });
      await c.sync();
      const proofs = await api('GET', '/proofs');
      expect(proofs.body.proofs).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: v.id, handle: '@juan_con_codigo' })]),
      );
      const wrong = await api('POST', `/proofs/${v.id}`, { code: 'VNT-AAA-AAA' });
      expect(wrong).toMatchObject({ status: 422, body: { error: 'code_mismatch' } });
      const right = await api('POST', `/proofs/${v.id}`, {
        code: (v.challengeCode ?? '').toLowerCase(),
      });
      expect(right.body).toMatchObject({ status: 'confirmed' });
      // The counter marks it verified as it pulls the proof, and pushes that on the next run.
      await c.sync();
      await c.sync();

      const found = await api('GET', '/verifications?q=https%3A%2F%2Fx.com%2Fjuan_con_codigo');
      expect(found.body.verifications).toEqual([
        expect.objectContaining({
          id: v.id,
          state: 'verified',
          masked_name: 'J*** C*** D*** I***',
        }),
      ]);
      const revoked = await api('POST', `/verifications/${v.id}/revoke`, {
        reason: 'La red avisa de que la cuenta ha sido robada',
      });
      expect(revoked.body).toMatchObject({ status: 'revoked' });
      expect(
        (await api('POST', `/verifications/${v.id}/revoke`, { reason: 'Otra vez' })).body,
      ).toMatchObject({
        status: 'already_revoked',
      });
      expect(await holder('@juan_con_codigo')).toBeUndefined();
      const audit = await api('GET', `/audit?action=verification.revoked&text=${v.id}`);
      expect(audit.body.entries).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ by: 'dora', id: v.id }) }),
      ]);
    });
  });
}
