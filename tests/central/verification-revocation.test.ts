import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { opAppliers } from '../../src/central/op-appliers';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

const REASON = 'La plataforma avisa de una cuenta suplantada';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(`revocations sent by central (${variant.name})`, () => {
    let central: RunningCentral | undefined;
    let token = '';
    const running = (): RunningCentral => {
      if (!central) throw new Error('central not started');
      return central;
    };
    beforeAll(async () => {
      central = await startCentral(variant, opAppliers);
      token = await createStaffToken(central.store, 'DPO Ayuntamiento', new Date());
    });
    afterAll(async () => central?.close());

    const staff = async (method: string, path: string, body?: unknown, bearer = token) => {
      const res = await fetch(`${running().url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const lookup = async (handle: string) =>
      (await staff('GET', `/v1/handles/x/${encodeURIComponent(handle)}`)).body;
    const revoke = (id: string, reason = REASON, bearer = token) =>
      staff('POST', `/v1/verifications/${id}/revoke`, { reason }, bearer);
    const centralRecord = async (id: string) =>
      (
        await running().store.query<{ state: string; end_ground: string | null }>(
          'SELECT state, end_ground FROM handle_verifications WHERE id = $1',
          [id],
        )
      )[0];

    it('drops the handle from the directory at once and revokes the record at its counter', async () => {
      const a = await verificationCounter(running());
      const b = await verificationCounter(running());
      const v = await a.save(JUAN, '@juan_suplantado');
      const other = await b.save(SOFIA, '@sofia_intacta');
      await a.sync();
      await b.sync();
      expect(await lookup('juan_suplantado')).toMatchObject({ verified: true });

      expect(await revoke(v.id)).toEqual({
        status: 200,
        body: { verification_id: v.id, status: 'revoked' },
      });
      // Before any counter syncs, officials already get "not verified".
      expect(await lookup('juan_suplantado')).toEqual({ verified: false });
      expect(await centralRecord(v.id)).toEqual({ state: 'revoked', end_ground: 'decision' });
      // Revoking again changes nothing and says so.
      expect((await revoke(v.id)).body).toEqual({
        verification_id: v.id,
        status: 'already_revoked',
      });
      const [sent] = await running().store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM changes WHERE type = 'verification.revoked'
           AND entity_id = $1`,
        [v.id],
      );
      expect(sent?.n).toBe(1);

      const pulled = await a.sync();
      expect(pulled.pulled).toBeGreaterThanOrEqual(1);
      expect(await a.t.call('verifyGet', { id: v.id }, a.clerk)).toMatchObject({
        state: 'revoked',
        endGround: 'decision',
        endReason: REASON,
      });
      expect(
        a.t.core.deps.db
          .prepare('SELECT end_reason, ended_by FROM verifications WHERE id = ?')
          .get(v.id),
      ).toEqual({ end_reason: REASON, ended_by: 'central' });
      const { entries } = await a.t.call(
        'auditList',
        { filters: { action: 'verification.revoked' } },
        a.manager,
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorName: 'central',
        subject: `verification:${v.id}`,
      });
      expect(JSON.parse(entries[0]?.details ?? '{}')).toMatchObject({
        ground: 'decision',
        reason: REASON,
        from: 'verified',
      });

      // The counter's own revocation goes back to central, which keeps the record as it is.
      const echoed = await a.sync();
      expect(echoed).toMatchObject({ rejected: 0, pulled: 0, pending: 0 });
      expect(echoed.pushed).toBeGreaterThanOrEqual(1);
      expect(await a.sync()).toMatchObject({ pushed: 0, rejected: 0, pulled: 0, pending: 0 });
      expect(await centralRecord(v.id)).toEqual({ state: 'revoked', end_ground: 'decision' });
      expect(await lookup('juan_suplantado')).toEqual({ verified: false });
      expect(
        (await a.t.call('auditList', { filters: { action: 'verification.revoked' } }, a.manager))
          .entries,
      ).toHaveLength(1);

      // The other counter was not told: its records are untouched and nothing arrived.
      expect(await b.sync()).toMatchObject({ pulled: 0, rejected: 0 });
      expect(await b.t.call('verifyGet', { id: other.id }, b.clerk)).toMatchObject({
        state: 'verified',
      });
      expect(await lookup('sofia_intacta')).toMatchObject({ verified: true });

      const audit = await running().store.query<{ device_id: string; detail: unknown }>(
        `SELECT device_id, detail FROM central_audit WHERE action = 'verification.revoked'`,
      );
      expect(audit).toHaveLength(1);
      const detail = audit[0]?.detail;
      expect(typeof detail === 'string' ? JSON.parse(detail) : detail).toEqual({
        id: v.id,
        by: 'DPO Ayuntamiento',
        reason: REASON,
      });
    });

    it('revokes a pending proof too, so a late confirmation no longer verifies it', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@juan_pendiente', { proof: 'challenge_code' });
      await c.sync();
      expect((await revoke(v.id)).body).toMatchObject({ status: 'revoked' });
      const late = await staff('POST', `/v1/verifications/${v.id}/proof`, {
        code: v.challengeCode,
      });
      expect(late).toMatchObject({ status: 409, body: { error: 'not_pending_proof' } });
      await c.sync();
      expect(await c.t.call('verifyGet', { id: v.id }, c.clerk)).toMatchObject({
        state: 'revoked',
      });
      await c.sync();
      expect(await c.sync()).toMatchObject({ pushed: 0, pulled: 0, rejected: 0 });
      expect(await lookup('juan_pendiente')).toEqual({ verified: false });
    });

    it('leaves a record the counter already ended as it is', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@juan_cruzado');
      await c.sync();
      // Central revokes while the counter, offline, revokes it too at the resident's request.
      expect((await revoke(v.id)).body).toMatchObject({ status: 'revoked' });
      await c.t.call(
        'verifyRevoke',
        { id: v.id, ground: 'resident_request', reason: 'Lo pide el vecino' },
        c.clerk,
      );
      expect(await c.sync()).toMatchObject({ rejected: 0 });
      expect(await c.t.call('verifyGet', { id: v.id }, c.clerk)).toMatchObject({
        state: 'revoked',
        endGround: 'resident_request',
      });
      expect(await c.sync()).toMatchObject({ pushed: 0, pulled: 0, rejected: 0 });
      expect(await centralRecord(v.id)).toMatchObject({ state: 'revoked' });
    });

    it('refuses a bad token, an unknown id, a missing reason and a record ended otherwise', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@juan_renovado');
      await c.sync();
      expect(await revoke(v.id, REASON, 'x'.repeat(40))).toMatchObject({
        status: 401,
        body: { error: 'bad_token' },
      });
      expect(await centralRecord(v.id)).toMatchObject({ state: 'verified' });
      expect(await revoke('no-such-verification')).toMatchObject({
        status: 404,
        body: { error: 'unknown_verification' },
      });
      expect(await revoke(v.id, ' ')).toMatchObject({
        status: 400,
        body: { error: 'invalid_request' },
      });
      // Re-verified with a new handle: the old record is superseded, not revocable at central.
      c.t.clock.advance(60_000);
      await c.save(JUAN, '@juan_nuevo');
      await c.sync();
      expect(await centralRecord(v.id)).toMatchObject({ state: 'superseded' });
      expect(await revoke(v.id)).toMatchObject({ status: 409, body: { error: 'already_ended' } });
    });
  });
}
