import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffToken } from '../../src/central/staff-tokens/service';
import { opAppliers } from '../../src/central/op-appliers';
import { ocrDocument } from '../helpers/ocr-document';
import { type RunningCentral, startCentral, storeVariants } from './harness';
import { JUAN, verificationCounter } from './verification-counter';

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `an override at the counter, seen at central (${variant.name})`,
    () => {
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

      it('answers verified for an expired document a manager accepted, as the counter says', async () => {
        const c = await verificationCounter(running());
        const v = await c.save(JUAN, '@juan_caducado', {
          document: ocrDocument({ document_number: JUAN.number, expiry_date: '2020-01-31' }),
          override: {
            username: 'marta',
            password: 'correct horse battery',
            reason: 'DNI en renovación, resguardo presentado',
          },
        });
        await c.sync();
        // Read again at the counter after the push: still what was saved.
        const read = await c.t.call('verifyGet', { id: v.id }, c.clerk);
        expect(read).toMatchObject({ state: 'verified', overrideGrounds: ['document_expired'] });
        const res = await fetch(`${running().url}/v1/handles/x/juan_caducado`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(await res.json()).toMatchObject({ verified: true, since: v.verifiedAt });
      });
    },
  );
}
