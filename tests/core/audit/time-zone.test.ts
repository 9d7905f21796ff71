import { describe, expect, it } from 'vitest';
import { testCore } from '../../helpers/test-core';

describe("the town's time zone", () => {
  it('is a setting an admin changes, that the audit export then prints its times in', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    const csvTimes = async () => {
      const file = await t.call('auditExport', { format: 'csv', filters: {} }, admin);
      const body = Buffer.from(file.base64, 'base64').toString('utf8');
      return body.split('\r\n')[1]?.split(';')[1];
    };
    // 09:00 UTC on 2 March.
    expect(await csvTimes()).toBe('02/03/2026 10:00:00 (UTC+01:00)');
    await t.call('settingsUpdate', { timeZone: 'Atlantic/Canary' }, admin);
    expect(await csvTimes()).toBe('02/03/2026 09:00:00 (UTC+00:00)');
    const { envelope } = await t.core.dispatch(
      'settingsUpdate',
      { timeZone: 'Mars/Olympus' },
      { sessionId: admin },
    );
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
