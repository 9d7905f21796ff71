import { describe, expect, it } from 'vitest';
import { isIsoDay } from '../../src/shared/dates';
import { testCore } from '../helpers/test-core';

describe('one ISO day for every operation', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2026-13-01', false],
    ['2026-2-1', false],
    ['01/02/2026', false],
  ])('%s is a day: %s', (text, ok) => {
    expect(isIsoDay(text)).toBe(ok);
  });

  it('formsList and auditList both refuse 2026-02-31, naming the field and a date problem', async () => {
    const t = testCore();
    const manager = await t.signInAs('manager');
    for (const name of ['formsList', 'auditList'] as const) {
      const input =
        name === 'formsList' ? { from: '2026-02-31' } : { filters: { from: '2026-02-31' } };
      const { envelope } = await t.core.dispatch(name, input, { sessionId: manager });
      expect(envelope, name).toEqual({
        ok: false,
        error: { code: 'invalid_input', params: { field: 'from', problem: 'date' } },
      });
    }
    // A day that exists goes through both.
    await expect(t.call('formsList', { from: '2026-02-28' }, manager)).resolves.toEqual([]);
    await expect(
      t.call('auditList', { filters: { from: '2026-02-28' } }, manager),
    ).resolves.toMatchObject({ total: expect.any(Number) as number });
  });
});
