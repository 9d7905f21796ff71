import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminOp } from '../../src/central/admin-dispatch';
import { opAppliers } from '../../src/central/op-appliers';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { incidencia } from '../core/forms/forms-fixtures';
import { JUAN, SOFIA, verificationCounter } from './verification-counter';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(`data-subject rights at central (${variant.name})`, () => {
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

    const lookup = async (handle: string) => {
      const res = await fetch(`${running().url}/v1/handles/x/${encodeURIComponent(handle)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const centralAudit = async (action: string) =>
      running().store.query<{ detail: Record<string, unknown> }>(
        'SELECT detail FROM central_audit WHERE action = $1 ORDER BY id',
        [action],
      );

    it('asked from the counter: central exports its part, then erases it and the directory stops answering', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@Juan_Privado');
      // A form Juan filed at the desk: central numbers it and keeps it in the general registry.
      const filed = await c.t.call(
        'formsFile',
        incidencia({
          party: { kind: 'resident', residentId: JUAN.id, name: 'Juan Carlos Díaz Ibáñez' },
        }),
        c.clerk,
      );
      await c.sync();
      expect(await lookup('juan_privado')).toMatchObject({ verified: true });

      // Export: the request travels as an op, central answers this counter with its part.
      const asked = await c.t.call(
        'privacyCentralRequest',
        { kind: 'export', residentId: JUAN.id },
        c.manager,
      );
      await c.sync();
      const [exported] = (
        await c.t.call('privacyCentralRequests', { residentId: JUAN.id }, c.manager)
      ).items;
      expect(exported).toMatchObject({ id: asked.id, kind: 'export', erasure: null });
      expect(exported?.answeredAt).not.toBeNull();
      expect(exported?.export?.verifications).toEqual([
        expect.objectContaining({ id: v.id, handle: '@juan_privado', state: 'verified' }),
      ]);
      expect(exported?.export?.directory).toEqual([
        expect.objectContaining({ handle: '@juan_privado', revokedAt: null }),
      ]);
      expect(exported?.export?.registryEntries).toEqual([
        expect.objectContaining({
          id: filed.entryId,
          role: 'party',
          name: 'Juan Carlos Díaz Ibáñez',
          officialNumber: expect.stringMatching(/^18111-RGE-/),
        }),
      ]);
      // The directory look-up of that handle is one of central's audit references to them.
      expect(exported?.export?.audit.map((a) => a.action)).toContain('directory.lookup');

      // A clerk may not ask; a mistyped confirmation asks nothing.
      await expect(
        c.t.call('privacyCentralRequest', { kind: 'export', residentId: JUAN.id }, c.clerk),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        c.t.call(
          'privacyCentralRequest',
          { kind: 'erase', residentId: JUAN.id, confirm: 'R00' },
          c.manager,
        ),
      ).rejects.toMatchObject({ code: 'privacy_confirm_mismatch' });

      await c.t.call(
        'privacyCentralRequest',
        { kind: 'erase', residentId: JUAN.id, confirm: JUAN.id },
        c.manager,
      );
      await c.sync();
      // Erasure at central reaches the directory: the handle no longer answers verified.
      expect(await lookup('juan_privado')).toEqual({ verified: false });
      const [erased] = (
        await c.t.call('privacyCentralRequests', { residentId: JUAN.id }, c.manager)
      ).items;
      expect(erased?.erasure).toMatchObject({
        residentId: JUAN.id,
        erased: { verifications: 1, revoked: 1, directoryEntries: 1 },
        kept: { registerRow: false, registryEntries: 1, openConflicts: 0 },
      });
      const [record] = await running().store.query<Record<string, unknown>>(
        `SELECT resident_id, handle, masked_name, state, end_ground FROM handle_verifications
         WHERE id = $1`,
        [v.id],
      );
      expect(record).toEqual({
        resident_id: '',
        handle: '',
        masked_name: '',
        state: 'revoked',
        end_ground: 'resident_request',
      });
      // Central told the counter its verification was revoked, in the same run.
      expect(await c.t.call('verifyGet', { id: v.id }, c.manager)).toMatchObject({
        state: 'revoked',
      });

      // Audited on both sides: the requests and answers here, the export and erasure there.
      const counterActions = c.t.core.deps.db
        .prepare(`SELECT action FROM audit_log WHERE action LIKE 'privacy.central_%' ORDER BY seq`)
        .pluck()
        .all();
      expect(counterActions).toEqual([
        'privacy.central_requested',
        'privacy.central_answered',
        'privacy.central_requested',
        'privacy.central_answered',
      ]);
      expect((await centralAudit('privacy.exported')).at(-1)?.detail).toMatchObject({
        resident_id: JUAN.id,
      });
      expect((await centralAudit('privacy.erased')).at(-1)?.detail).toMatchObject({
        resident_id: JUAN.id,
        erased: { revoked: 1 },
      });
      // What is left at central is what the law keeps: the registry entry, and no account.
      const left = await runAdminOp(running().store, 'privacyExport', { resident_id: JUAN.id });
      expect(left.export).toMatchObject({ verifications: [], requests: [], directory: [] });
      expect(left.export.registryEntries.map((e) => e.id)).toEqual([filed.entryId]);
    });

    it('run at central by its admin commands: export as JSON and PDF, erasure with its report', async () => {
      const c = await verificationCounter(running());
      await c.save(SOFIA, '@sofia_central');
      await c.sync();
      const answer = await runAdminOp(running().store, 'privacyExport', {
        resident_id: SOFIA.id,
        pdf: true,
      });
      expect(answer.export.verifications.map((v) => v.handle)).toEqual(['@sofia_central']);
      expect(
        Buffer.from(answer.pdf_base64 ?? '', 'base64')
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const report = await runAdminOp(running().store, 'privacyErase', { resident_id: SOFIA.id });
      expect(report.erased).toMatchObject({ verifications: 1, revoked: 1, directoryEntries: 1 });
      expect(await lookup('sofia_central')).toEqual({ verified: false });
      // The counter hears of the revocation on its next pull.
      await c.sync();
      const [record] = await c.t.call('verifyHistory', { residentId: SOFIA.id }, c.manager);
      expect(record).toMatchObject({ state: 'revoked' });
    });
  });
}
