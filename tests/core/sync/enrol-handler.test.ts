import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import { translateError } from '../../../src/shared/i18n';
import { testCore } from '../../helpers/test-core';
import { sharedCentral } from './counter-harness';

const central = sharedCentral();
const HOUR = 60 * 60_000;

const newCode = async (at = new Date()) =>
  (await createEnrolmentCode(central.get().store, 'Mostrador 2', at)).code;

describe('enrolment from the Settings screen (syncEnrol)', () => {
  it('enrols the counter with a one-time code, audits it, and the status shows central', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    const code = await newCode();
    expect(await t.call('syncEnrol', { centralUrl: `${central.get().url}/`, code }, admin)).toEqual(
      { name: 'Mostrador 2', centralUrl: central.get().url },
    );
    expect(await t.call('syncStatus', {}, admin)).toMatchObject({
      enrolled: true,
      centralUrl: central.get().url,
    });
    const audited = t.core.deps.db
      .prepare(`SELECT details FROM audit_log WHERE action = 'sync.enrolled'`)
      .pluck()
      .all() as string[];
    expect(audited.map((d) => JSON.parse(d) as unknown)).toEqual([
      { central: central.get().url, name: 'Mostrador 2' },
    ]);
    const [device] = await central
      .get()
      .store.query<{ name: string }>('SELECT name FROM devices WHERE id = $1', [
        t.core.deps.deviceId,
      ]);
    expect(device?.name).toBe('Mostrador 2');
  }, 60_000);

  it('refuses, with a translated message, a bad address, an unreachable central, a used or expired code, and a clerk', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    const enrol = (centralUrl: string, code: string, session = admin) =>
      t.call('syncEnrol', { centralUrl, code }, session);
    const refusals: { code: string; params?: Record<string, string | number> }[] = [];
    const refused = async (p: Promise<unknown>, code: string) => {
      const error = (await p.then(
        () => undefined,
        (e: unknown) => e,
      )) as { code: string; params?: Record<string, string | number> } | undefined;
      expect(error?.code).toBe(code);
      if (error) refusals.push(error);
    };
    const code = await newCode();

    await refused(enrol('central.ayuntamiento', code), 'sync_bad_url');
    await refused(enrol('ftp://127.0.0.1/', code), 'sync_bad_url');
    await refused(enrol('http://127.0.0.1:9/', code), 'sync_unreachable');
    await refused(enrol(central.get().url, 'ABCD-EFGH-JKMN-PQRS'), 'sync_enrolment_code_invalid');
    await refused(
      enrol(central.get().url, await newCode(new Date(Date.now() - 25 * HOUR))),
      'sync_enrolment_code_expired',
    );
    await refused(enrol(central.get().url, code, await t.signInAs('clerk')), 'forbidden');
    expect((await t.call('syncStatus', {}, admin)).enrolled).toBe(false);

    // The code still works once; used again (by another counter) it is refused.
    await enrol(central.get().url, code);
    const other = testCore();
    await refused(
      other.call(
        'syncEnrol',
        { centralUrl: central.get().url, code },
        await other.signInAs('admin'),
      ),
      'sync_enrolment_code_invalid',
    );

    for (const lang of ['es', 'en'] as const) {
      for (const r of refusals) {
        const text = translateError(lang, r);
        expect(text, `${lang} ${r.code}`).not.toContain('errors.');
        expect(text).not.toMatch(/\{\{/);
      }
    }
    expect(translateError('en', refusals[2] ?? { code: '' })).toBe(
      'Cannot reach the central service at http://127.0.0.1:9.',
    );
  }, 60_000);
});
