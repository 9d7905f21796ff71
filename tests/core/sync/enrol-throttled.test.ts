import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import { translateError } from '../../../src/shared/i18n';
import { testCore } from '../../helpers/test-core';
import {
  type RunningCentral,
  startCentral,
  storeVariants,
  testAppliers,
} from '../../central/harness';

describe('enrolment against a central that throttles this address', () => {
  let central: RunningCentral;
  beforeAll(async () => {
    const pglite = storeVariants[0];
    if (!pglite) throw new Error('no pglite variant');
    central = await startCentral(pglite, testAppliers, { rateLimits: { refusalsPerIp: 1 } });
  });
  afterAll(async () => central.close());

  it('says, translated, to wait and try again, and enrols nothing', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    const enrol = (code: string) => t.call('syncEnrol', { centralUrl: central.url, code }, admin);
    const failure = (code: string) =>
      enrol(code).then(
        () => undefined,
        (e: unknown) => e as { code: string },
      );
    expect(await failure('ABCD-EFGH-JKMN-PQRS')).toMatchObject({
      code: 'sync_enrolment_code_invalid',
    });
    const { code } = await createEnrolmentCode(central.store, 'Mostrador 3', new Date());
    const throttled = await failure(code);
    expect(throttled).toMatchObject({ code: 'sync_rate_limited' });
    for (const lang of ['es', 'en'] as const) {
      const text = translateError(lang, throttled ?? { code: '' });
      expect(text).not.toContain('sync_');
      expect(text).not.toContain('errors.');
    }
    expect(translateError('en', throttled ?? { code: '' })).toContain('try again');
    expect((await t.call('syncStatus', {}, admin)).enrolled).toBe(false);
  }, 60_000);
});
