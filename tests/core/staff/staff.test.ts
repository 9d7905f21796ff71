import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../../src/core/db/migrations';
import { lockoutMs, MAX_ATTEMPTS } from '../../../src/core/staff/lockout';
import { testCore } from '../../helpers/test-core';

describe('staff sign-in', () => {
  it('signs in with the right password and rejects a wrong one', async () => {
    const t = testCore();
    const session = await t.signInAs('clerk', 'ana');
    expect(session).toMatch(/^[\w-]{40,}$/);
    await expect(t.call('authSignIn', { username: 'ana', password: 'nope' })).rejects.toMatchObject(
      {
        code: 'invalid_credentials',
      },
    );
    await expect(
      t.call('authSignIn', { username: 'ghost', password: 'nope' }),
    ).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('locks the account after repeated failures, with growing backoff', async () => {
    const t = testCore();
    await t.signInAs('clerk', 'ana');
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await expect(
        t.call('authSignIn', { username: 'ana', password: 'bad' }),
      ).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    }
    await expect(t.call('authSignIn', { username: 'ana', password: 'bad' })).rejects.toMatchObject({
      code: 'account_locked',
      params: { seconds: 30 },
    });
    // Even the right password is refused while locked.
    await expect(
      t.call('authSignIn', { username: 'ana', password: 'correct horse battery' }),
    ).rejects.toMatchObject({ code: 'account_locked' });
    t.clock.advance(31_000);
    await expect(t.call('authSignIn', { username: 'ana', password: 'bad' })).rejects.toMatchObject({
      code: 'account_locked',
      params: { seconds: 60 },
    });
    t.clock.advance(61_000);
    const info = await t.call('authSignIn', { username: 'ana', password: 'correct horse battery' });
    expect(info.staff.username).toBe('ana');
    expect(lockoutMs(MAX_ATTEMPTS + 20)).toBe(60 * 60_000);
  });

  it('locks an idle session and unlocks it with the password', async () => {
    const t = testCore();
    const session = await t.signInAs('admin', 'root');
    await t.call('systemStatus', {}, session);
    t.clock.advance(5 * 60_000 + 1);
    await expect(t.call('systemStatus', {}, session)).rejects.toMatchObject({
      code: 'session_locked',
    });
    await expect(t.call('authUnlock', { password: 'wrong' }, session)).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    const info = await t.call('authUnlock', { password: 'correct horse battery' }, session);
    expect(info.locked).toBe(false);
    await expect(t.call('systemStatus', {}, session)).resolves.toMatchObject({
      schemaVersion: latestVersion(),
    });
  });

  it('enforces roles and records who did what', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    const clerk = await t.signInAs('clerk', 'ana');
    await expect(
      t.call(
        'staffAdd',
        { username: 'eve', displayName: 'Eve', role: 'clerk', password: 'xxxxxxxx' },
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.call('staffList', {})).rejects.toMatchObject({ code: 'not_signed_in' });
    const bob = await t.call(
      'staffAdd',
      { username: 'Bob', displayName: 'Bob', role: 'clerk', password: 'xxxxxxxx' },
      admin,
    );
    expect(bob.username).toBe('bob');
    await t.call('staffSetRole', { id: bob.id, role: 'manager' }, admin);
    const rows = t.core.deps.db
      .prepare(
        `SELECT actor_name, action, subject FROM audit_log WHERE action LIKE 'staff.%' ORDER BY seq`,
      )
      .all();
    expect(rows).toEqual([
      { actor_name: 'test', action: 'staff.created', subject: 'staff:root' },
      { actor_name: 'test', action: 'staff.created', subject: 'staff:ana' },
      { actor_name: 'root', action: 'staff.created', subject: 'staff:bob' },
      { actor_name: 'root', action: 'staff.role_changed', subject: 'staff:bob' },
    ]);
  });

  it('never leaves the installation without an active admin', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    const me = await t.call('authSession', {}, admin);
    await expect(
      t.call('staffSetRole', { id: me!.staff.id, role: 'clerk' }, admin),
    ).rejects.toMatchObject({
      code: 'staff_last_admin',
    });
    await expect(
      t.call('staffSetDisabled', { id: me!.staff.id, disabled: true }, admin),
    ).rejects.toMatchObject({ code: 'staff_last_admin' });
  });

  it('ends the sessions of a disabled member', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    const clerk = await t.signInAs('clerk', 'ana');
    const ana = await t.call('authSession', {}, clerk);
    await t.call('staffSetDisabled', { id: ana!.staff.id, disabled: true }, admin);
    await expect(t.call('systemStatus', {}, clerk)).rejects.toMatchObject({
      code: 'not_signed_in',
    });
    await expect(
      t.call('authSignIn', { username: 'ana', password: 'correct horse battery' }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
  });

  it('creates the first admin only once', async () => {
    const t = testCore();
    const info = await t.call('setupCreateAdmin', {
      username: 'it',
      displayName: 'IT',
      password: 'longenough',
    });
    expect(info.staff.role).toBe('admin');
    expect((await t.call('appInfo', {})).needsSetup).toBe(false);
    await expect(
      t.call('setupCreateAdmin', { username: 'it2', displayName: 'IT', password: 'longenough' }),
    ).rejects.toMatchObject({ code: 'setup_already_done' });
  });
});

describe('idle lock and polling', () => {
  it('does not let a passive status poll keep an idle session awake', async () => {
    const t = testCore();
    const session = await t.signInAs('clerk', 'ana');
    for (let i = 0; i < 5; i++) {
      t.clock.advance(59_000);
      await t.call('syncStatus', {}, session);
    }
    t.clock.advance(10_000);
    await expect(t.call('systemStatus', {}, session)).rejects.toMatchObject({
      code: 'session_locked',
    });
  });
});
