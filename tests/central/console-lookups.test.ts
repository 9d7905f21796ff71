import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminOp } from '../../src/central/admin-dispatch';
import { opAppliers } from '../../src/central/op-appliers';
import { MAX_PROOF_MISSES } from '../../src/central/verifications/rules';
import { languages } from '../../src/shared/i18n/define';
import { translate, translateError } from '../../src/shared/i18n';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, verificationCounter } from './verification-counter';

const PASSWORD = 'contraseña-larga';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(`look-ups from central's console (${variant.name})`, () => {
    let central: RunningCentral | undefined;
    const tokens: Record<string, string> = {};
    const running = (): RunningCentral => {
      if (!central) throw new Error('central not started');
      return central;
    };
    beforeAll(async () => {
      central = await startCentral(variant, opAppliers);
      for (const [username, role] of [
        ['dora', 'dpo'],
        ['olga', 'official'],
      ] as const) {
        await runAdminOp(central.store, 'staffAdd', {
          username,
          display_name: username,
          role,
          password: PASSWORD,
        });
        const res = await fetch(`${central.url}/console/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        tokens[username] = String(((await res.json()) as { token: string }).token);
      }
    });
    afterAll(async () => central?.close());

    const api = async (who: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${running().url}/console/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens[who] ?? ''}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const lookUps = async () =>
      (
        await running().store.query<{ detail: Record<string, unknown> }>(
          "SELECT detail FROM central_audit WHERE action = 'directory.lookup' ORDER BY id",
        )
      ).map((r) => r.detail);

    it("audits the DPO's look-up of a handle: who, from where, what was typed, found or not", async () => {
      const c = await verificationCounter(running());
      await c.save(JUAN, '@juan_buscado');
      await c.sync();
      const found = await api('dora', 'GET', '/verifications?q=juan_buscado&network=x');
      expect(found.body.verifications).toEqual([
        expect.objectContaining({ handle: '@juan_buscado', state: 'verified' }),
      ]);
      await api('dora', 'GET', '/verifications?q=nadie_conocido&network=x');
      expect((await lookUps()).slice(-2)).toEqual([
        expect.objectContaining({
          official: 'dora',
          via: 'console-dpo',
          query: 'juan_buscado',
          found: true,
        }),
        expect.objectContaining({
          official: 'dora',
          via: 'console-dpo',
          query: 'nadie_conocido',
          found: false,
        }),
      ]);
    });
    it('finds a counter-verified Bluesky account by its DID in the official directory', async () => {
      const c = await verificationCounter(running());
      await c.save(JUAN, 'juan-did.bsky.social', {
        network: 'bluesky',
        platformUserId: 'did:plc:juanporsudid',
      });
      await c.sync();
      const byDid = await api('olga', 'GET', '/directory?q=did%3Aplc%3Ajuanporsudid');
      expect(byDid.body).toMatchObject({
        results: [
          {
            network: 'bluesky',
            handle: '@juan-did.bsky.social',
            verified: true,
            masked_name: 'J*** C*** D*** I***',
          },
        ],
      });
      expect((await lookUps()).at(-1)).toMatchObject({ official: 'olga', found: true });
    });
    it('closes a challenge after MAX_PROOF_MISSES wrong typed codes, as the automatic search does', async () => {
      const c = await verificationCounter(running());
      const v = await c.save(JUAN, '@juan_tecleado', { proof: 'challenge_code' });
      await c.sync();
      const answers = [];
      for (let i = 0; i < 6; i += 1)
        answers.push(await api('dora', 'POST', `/proofs/${v.id}`, { code: 'VNT-AAA-AAA' }));
      expect(answers.map((a) => a.body.error)).toEqual([
        ...Array<string>(MAX_PROOF_MISSES - 1).fill('code_mismatch'),
        'proof_attempts_exhausted',
        'proof_attempts_exhausted',
      ]);
      // Closed: even the right code is refused now, and the challenge leaves the pending list.
      const right = await api('dora', 'POST', `/proofs/${v.id}`, { code: v.challengeCode });
      expect(right).toMatchObject({ status: 409, body: { error: 'proof_attempts_exhausted' } });
      const pending = (await api('dora', 'GET', '/proofs')).body.proofs as { id: string }[];
      expect(pending.map((p) => p.id)).not.toContain(v.id);
      for (const lang of languages)
        expect(translateError(lang, { code: 'sync_proof_attempts_exhausted' })).not.toBe(
          translate(lang, 'errors.internal'),
        );
    });
  });
}
