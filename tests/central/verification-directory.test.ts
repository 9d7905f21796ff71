import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { opAppliers } from '../../src/central/op-appliers';
import { ocrDocument } from '../helpers/ocr-document';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(`central verification directory (${variant.name})`, () => {
    let central: RunningCentral | undefined;
    let token = '';
    const running = (): RunningCentral => {
      if (!central) throw new Error('central not started');
      return central;
    };
    beforeAll(async () => {
      central = await startCentral(variant, opAppliers);
      token = await createStaffToken(central.store, 'Policía Local', new Date());
    });
    afterAll(async () => central?.close());

    const staff = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${running().url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const lookup = async (network: string, handle: string) =>
      (await staff('GET', `/v1/handles/${network}/${encodeURIComponent(handle)}`)).body;

    it('lists a pushed verification with a masked name, and drops it once revoked', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@Juan_Diaz');
      expect(await lookup('x', 'juan_diaz')).toEqual({ verified: false });
      await c.sync();
      const listed = { verified: true, since: v.verifiedAt, masked_name: 'J*** C*** D*** I***' };
      // Officials type handles as they see them: any case, with or without "@", or a link.
      expect(await lookup('x', 'juan_diaz')).toEqual(listed);
      expect(await lookup('X', '@JUAN_DIAZ')).toEqual(listed);
      expect(await lookup('x', 'https://x.com/Juan_Diaz')).toEqual(listed);
      expect(await lookup('bluesky', 'juan_diaz')).toEqual({ verified: false });

      await c.t.call(
        'verifyRevoke',
        { id: v.id, ground: 'resident_request', reason: 'Perdió el móvil' },
        c.clerk,
      );
      expect(await lookup('x', 'juan_diaz')).toEqual(listed);
      await c.sync();
      expect(await lookup('x', 'juan_diaz')).toEqual({ verified: false });
      const [row] = await running().store.query<{ state: string; end_ground: string }>(
        'SELECT state, end_ground FROM handle_verifications WHERE id = $1',
        [v.id],
      );
      expect(row).toEqual({ state: 'revoked', end_ground: 'resident_request' });
    });

    it('follows a handle transferred between residents by a manager', async () => {
      const c = await verificationCounter(running());
      const first = await c.save(JUAN, '@casa_comun');
      await c.sync();
      expect(await lookup('x', 'casa_comun')).toMatchObject({ masked_name: 'J*** C*** D*** I***' });
      const refused = await c.save(SOFIA, '@Casa_Comun').catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'handle_conflict' });
      const [conflict] = await c.t.call('verifyConflicts', { state: 'open' }, c.manager);
      if (!conflict) throw new Error('no conflict queued');
      await c.sync();
      const conflictState = async () =>
        (
          await running().store.query<{ state: string }>(
            'SELECT state FROM verification_conflicts WHERE id = $1',
            [conflict.id],
          )
        )[0]?.state;
      expect(await conflictState()).toBe('open');
      // The claim refused at the counter leaves the directory as it was.
      expect(await lookup('x', 'casa_comun')).toMatchObject({ masked_name: 'J*** C*** D*** I***' });

      c.t.clock.advance(60_000);
      await c.t.call(
        'verifyResolveConflict',
        { id: conflict.id, decision: 'transfer', reason: 'Cuenta de la hija' },
        c.manager,
      );
      await c.sync();
      const [now] = await c.t.call('verifyHistory', { residentId: SOFIA.id }, c.clerk);
      expect(await lookup('x', 'casa_comun')).toEqual({
        verified: true,
        since: now?.verifiedAt,
        masked_name: 'S*** F*** Á***',
      });
      expect(await conflictState()).toBe('transferred');
      expect(await c.t.call('verifyGet', { id: first.id }, c.clerk)).toMatchObject({
        state: 'revoked',
      });
    });

    it('keeps the earlier holder when two counters verify one handle for two residents', async () => {
      const a = await verificationCounter(running());
      const b = await verificationCounter(running());
      const first = await a.save(JUAN, '@dos_mostradores');
      await a.sync();
      b.t.clock.advance(1000);
      // Counter B has never seen A's record: it saves without a conflict.
      const second = await b.save(SOFIA, '@Dos_Mostradores');
      await b.sync();
      expect(await lookup('x', 'dos_mostradores')).toMatchObject({
        masked_name: 'J*** C*** D*** I***',
      });
      const conflicts = await running().store.query<{ id: string; state: string }>(
        `SELECT id, state FROM verification_conflicts WHERE handle = '@dos_mostradores'`,
      );
      expect(conflicts).toEqual([{ id: `central:${second.id}`, state: 'open' }]);
      // Once the first holder's verification ends, the other one stands.
      await a.t.call(
        'verifyRevoke',
        { id: first.id, ground: 'decision', reason: 'Verificada en otro mostrador' },
        a.manager,
      );
      await a.sync();
      expect(await lookup('x', 'dos_mostradores')).toEqual({
        verified: true,
        since: second.verifiedAt,
        masked_name: 'S*** F*** Á***',
      });
    });

    it('offers a request made at central at the desk, and withdraws it elsewhere once used', async () => {
      const a = await verificationCounter(running());
      const b = await verificationCounter(running());
      const made = await staff('POST', '/v1/verifications/requests', {
        resident_id: SOFIA.id,
        network: 'x',
        handle: 'https://x.com/Sofia_Fuente',
      });
      expect(made).toMatchObject({
        status: 201,
        body: { resident_id: SOFIA.id, network: 'x', handle: '@Sofia_Fuente', state: 'open' },
      });
      const id = String(made.body.id);
      expect(
        (await staff('POST', '/v1/verifications/requests', { ...made.body, handle: 'a b' })).body,
      ).toMatchObject({ error: 'invalid_handle_x' });
      await a.sync();
      await b.sync();
      for (const c of [a, b]) {
        expect(
          await c.t.call('verifyPendingRequests', { residentId: SOFIA.id }, c.clerk),
        ).toMatchObject([{ id, network: 'x', handle: '@Sofia_Fuente' }]);
      }
      await a.save(SOFIA, '@Sofia_Fuente', { pendingRequestId: id });
      await a.sync();
      await b.sync();
      expect(await b.t.call('verifyPendingRequests', { residentId: SOFIA.id }, b.clerk)).toEqual(
        [],
      );
      const [request] = await running().store.query<{ state: string }>(
        'SELECT state FROM verification_requests WHERE id = $1',
        [id],
      );
      expect(request?.state).toBe('used');
      expect((await staff('DELETE', `/v1/verifications/requests/${id}`)).status).toBe(409);
    });

    it('confirms a challenge code seen by the town account: pending proof becomes verified', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@juan_reto', { proof: 'challenge_code' });
      expect(v).toMatchObject({ state: 'pending_proof' });
      const code = v.challengeCode ?? '';
      expect((await staff('POST', `/v1/verifications/${v.id}/proof`, { code })).body).toMatchObject(
        { error: 'unknown_verification' },
      );
      await c.sync();
      expect(await lookup('x', 'juan_reto')).toEqual({ verified: false });
      const pending = await staff('GET', '/v1/verifications/pending-proofs');
      expect(pending.body.proofs).toContainEqual({
        id: v.id,
        network: 'x',
        handle: '@juan_reto',
        challenge_expires_at: v.challengeExpiresAt,
      });
      const wrong = await staff('POST', `/v1/verifications/${v.id}/proof`, { code: 'VNT-AAA-AAA' });
      expect(wrong).toMatchObject({ status: 422, body: { error: 'code_mismatch' } });
      // Typed from a DM: lower case, no dashes.
      const typed = code.toLowerCase().replace(/-/g, ' ');
      const ok = await staff('POST', `/v1/verifications/${v.id}/proof`, { code: typed });
      expect(ok).toMatchObject({ status: 200, body: { status: 'confirmed' } });
      expect((await staff('POST', `/v1/verifications/${v.id}/proof`, { code })).body).toMatchObject(
        { status: 'already_confirmed' },
      );

      await c.sync(); // pulls the confirmation, which queues `verification.verified`
      expect(await c.t.call('verifyGet', { id: v.id }, c.clerk)).toMatchObject({
        state: 'verified',
      });
      await c.sync();
      expect(await lookup('x', 'juan_reto')).toMatchObject({
        verified: true,
        masked_name: 'J*** C*** D*** I***',
      });
      const audit = await running().store.query<{ action: string }>(
        `SELECT action FROM central_audit WHERE action LIKE 'verification.%' ORDER BY id`,
      );
      expect(audit.map((r) => r.action)).toEqual(
        expect.arrayContaining(['verification.proof_refused', 'verification.proof_confirmed']),
      );
    });

    it('keeps failed lookups for statistics, and no document number or name in its tables', async () => {
      const c = await verificationCounter(running());
      const miss = await c.t.call(
        'verifyMatch',
        { document: ocrDocument({ document_number: '12345678Z' }) },
        c.clerk,
      );
      expect(miss.outcome).toBe('not_in_register');
      await c.save(JUAN, '@juan_privado');
      await c.sync();
      const [lookups] = await running().store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM verification_failed_lookups
         WHERE staff = 'clara' AND reason = 'not_in_register'`,
      );
      expect(lookups?.n).toBeGreaterThanOrEqual(1);
      const dump = JSON.stringify(
        await Promise.all(
          [
            'handles',
            'handle_verifications',
            'verification_requests',
            'verification_conflicts',
            'verification_failed_lookups',
          ].map((table) => running().store.query(`SELECT * FROM ${table}`)),
        ),
      );
      expect(dump).toContain('@juan_privado');
      for (const secret of ['74252101', '12345678', 'Juan', 'Díaz', 'Ibáñez', 'Sofía', 'Álvarez'])
        expect(dump).not.toContain(secret);
      // Nor in what counters pull about verifications.
      const changes = JSON.stringify(
        await running().store.query(`SELECT payload FROM changes WHERE type LIKE 'verification.%'`),
      );
      for (const secret of ['74252101', 'Juan', 'Díaz']) expect(changes).not.toContain(secret);
    });
  });
}
