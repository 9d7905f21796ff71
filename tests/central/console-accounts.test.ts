import { afterEach, describe, expect, it } from 'vitest';
import { runAdminOp } from '../../src/central/admin-dispatch';
import { MAX_ATTEMPTS } from '../../src/core/staff/lockout';
import { testCore } from '../helpers/test-core';
import { type RunningCentral, startCentral, storeVariants, testAppliers } from './harness';

const PASSWORD = 'contraseña-larga';
let central: RunningCentral | undefined;
afterEach(async () => {
  await central?.close();
  central = undefined;
});

const api = async (
  c: RunningCentral,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; ip?: string } = {},
) => {
  const res = await fetch(`${c.url}/console/api${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const addAccount = (c: RunningCentral, username: string, role: 'official' | 'it' | 'dpo') =>
  runAdminOp(c.store, 'staffAdd', {
    username,
    display_name: `Persona ${username}`,
    role,
    password: PASSWORD,
  });

const signIn = async (c: RunningCentral, username: string, password = PASSWORD) =>
  api(c, 'POST', '/session', { body: { username, password } });

const auditActions = async (c: RunningCentral) =>
  (await c.store.query<{ action: string }>('SELECT action FROM central_audit ORDER BY id')).map(
    (r) => r.action,
  );

describe.each(storeVariants)("central's console accounts ($name)", (variant) => {
  it.skipIf(variant.skip)(
    'signs in with the password set by `central staff add`, answers by role, signs out',
    async () => {
      central = await startCentral(variant, testAppliers);
      await addAccount(central, 'ana', 'official');
      await expect(addAccount(central, 'ana', 'it')).rejects.toMatchObject({
        code: 'sync_username_taken',
      });

      const wrong = await signIn(central, 'ana', 'otra-contraseña');
      expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_credentials' } });
      const ok = await signIn(central, 'ANA ');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        account: { username: 'ana', role: 'official' },
        areas: ['directory', 'requests'],
        locked: false,
      });
      const token = String(ok.body.token);
      // The official's screens answer; IT's and the DPO's refuse her role.
      expect((await api(central, 'GET', '/requests', { token })).status).toBe(200);
      expect(await api(central, 'GET', '/devices', { token })).toMatchObject({
        status: 403,
        body: { error: 'role_forbidden' },
      });
      expect((await api(central, 'GET', '/audit', { token })).status).toBe(403);
      // A padrón upload is larger than a counter's push: the route takes it (then refuses her role).
      const big = { file_base64: 'A'.repeat(6 * 1024 * 1024), file_name: 'padron.csv' };
      expect(await api(central, 'POST', '/register', { token, body: big })).toMatchObject({
        status: 403,
        body: { error: 'role_forbidden' },
      });

      expect((await api(central, 'DELETE', '/session', { token })).status).toBe(200);
      expect(await api(central, 'GET', '/requests', { token })).toMatchObject({
        status: 401,
        body: { error: 'session_invalid' },
      });
      expect(await auditActions(central)).toEqual(
        expect.arrayContaining([
          'console.staff_added',
          'console.sign_in_failed',
          'console.sign_in',
          'console.sign_out',
        ]),
      );
    },
  );

  it.skipIf(variant.skip)(
    'parallel wrong passwords are counted one by one: at most MAX_ATTEMPTS reach the hash, then the account is locked',
    async () => {
      central = await startCentral(variant, testAppliers, {
        rateLimits: { refusalsPerIp: 1000 },
      });
      await addAccount(central, 'luis', 'it');
      const c = central;
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => signIn(c, 'luis', 'no-es-esta')),
      );
      const codes = answers.map((a) => a.body.error);
      expect(codes.filter((e) => e === 'invalid_credentials')).toHaveLength(MAX_ATTEMPTS - 1);
      expect(codes.filter((e) => e === 'account_locked')).toHaveLength(12 - (MAX_ATTEMPTS - 1));
      const locked = answers.find((a) => a.body.error === 'account_locked');
      expect(locked?.status).toBe(423);
      expect(Number((locked?.body.params as { seconds: number }).seconds)).toBeGreaterThan(0);
      // Locked, even the right password is refused.
      expect((await signIn(c, 'luis')).body.error).toBe('account_locked');
      const [row] = await c.store.query<{ failed_attempts: number }>(
        "SELECT failed_attempts FROM console_staff WHERE username = 'luis'",
      );
      expect(row?.failed_attempts).toBe(MAX_ATTEMPTS);
      expect((await auditActions(c)).filter((a) => a === 'console.account_locked')).toHaveLength(1);
      // An unknown username locks the same way: the answers do not say which accounts exist.
      const ghosts = await Promise.all(
        Array.from({ length: MAX_ATTEMPTS + 1 }, () => signIn(c, 'nadie', 'x')),
      );
      expect(ghosts.at(-1)?.body.error).toBe('account_locked');
    },
  );

  it.skipIf(variant.skip)(
    'an idle session locks, answers 423 until its password unlocks it; a new password ends the other sessions',
    async () => {
      let now = new Date('2026-03-02T09:00:00Z');
      central = await startCentral(variant, testAppliers, {
        now: () => now,
        console: { idleMs: 60_000 },
      });
      await addAccount(central, 'eva', 'dpo');
      const token = String((await signIn(central, 'eva')).body.token);
      const other = String((await signIn(central, 'eva')).body.token);
      expect((await api(central, 'GET', '/audit', { token })).status).toBe(200);

      now = new Date(now.getTime() + 61_000);
      // The status poll sees the lock and is not activity; the screens refuse until unlocked.
      expect((await api(central, 'GET', '/session', { token })).body.locked).toBe(true);
      expect(await api(central, 'GET', '/audit', { token })).toMatchObject({
        status: 423,
        body: { error: 'session_locked' },
      });
      expect(
        (await api(central, 'POST', '/session/unlock', { token, body: { password: 'mal' } })).body
          .error,
      ).toBe('invalid_credentials');
      const unlocked = await api(central, 'POST', '/session/unlock', {
        token,
        body: { password: PASSWORD },
      });
      expect(unlocked.body.locked).toBe(false);
      expect((await api(central, 'GET', '/audit', { token })).status).toBe(200);

      const changed = await api(central, 'POST', '/password', {
        token,
        body: { current: PASSWORD, next: 'otra-contraseña-larga' },
      });
      expect(changed.status).toBe(200);
      expect((await api(central, 'GET', '/audit', { token: other })).status).toBe(401);
      expect((await signIn(central, 'eva')).status).toBe(401);
      expect((await signIn(central, 'eva', 'otra-contraseña-larga')).status).toBe(200);
    },
  );

  it.skipIf(variant.skip)(
    'a wrong `current` password counts toward the lockout as at the counter: a session holder cannot guess it freely',
    async () => {
      central = await startCentral(variant, testAppliers, { rateLimits: { refusalsPerIp: 1000 } });
      await addAccount(central, 'rosa', 'it');
      const token = String((await signIn(central, 'rosa')).body.token);
      const change = (current: string) =>
        api(central as RunningCentral, 'POST', '/password', {
          token,
          body: { current, next: 'otra-contraseña-larga' },
        });
      const answers = [];
      for (let i = 0; i < MAX_ATTEMPTS; i += 1) answers.push(await change('no-es-esta'));
      expect(answers.map((a) => a.body.error)).toEqual([
        ...Array<string>(MAX_ATTEMPTS - 1).fill('invalid_credentials'),
        'account_locked',
      ]);
      // Locked for the right password too, and for signing in; the open session stays open.
      expect((await change(PASSWORD)).body.error).toBe('account_locked');
      expect((await signIn(central, 'rosa')).status).toBe(423);
      expect((await api(central, 'GET', '/devices', { token })).status).toBe(200);

      // The counter's own password change (the reference) counts the same way.
      const t = testCore();
      const session = await t.signInAs('clerk', 'carla');
      const tries = [];
      for (let i = 0; i < MAX_ATTEMPTS; i += 1)
        tries.push(
          await t
            .call(
              'staffChangeOwnPassword',
              { currentPassword: 'no-es-esta', newPassword: 'otra-contraseña-larga' },
              session,
            )
            .catch((e: { code?: string }) => e.code),
        );
      expect(tries.at(-1)).toBe('account_locked');
    },
  );

  it.skipIf(variant.skip)('every directory look-up from the console is audited', async () => {
    central = await startCentral(variant, testAppliers);
    await addAccount(central, 'ana', 'official');
    const token = String((await signIn(central, 'ana')).body.token);
    const found = await api(
      central,
      'GET',
      '/directory?q=https%3A%2F%2Fbsky.app%2Fprofile%2Fana.bsky.social',
      {
        token,
      },
    );
    expect(found.body).toMatchObject({
      results: [{ network: 'bluesky', handle: '@ana.bsky.social', verified: false }],
    });
    const [row] = await central.store.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM central_audit WHERE action = 'directory.lookup'",
    );
    expect(row?.detail).toMatchObject({ official: 'ana', via: 'console', found: false });
    // A DID only asked about online (not verified at a counter) names no verified account.
    await runAdminOp(central.store, 'requestVerification', {
      resident_id: 'R001',
      network: 'bluesky',
      handle: 'lucia.bsky.social',
      platform_user_id: 'did:plc:abc123xyz',
    });
    const byDid = await api(central, 'GET', '/directory?q=did%3Aplc%3Aabc123xyz', { token });
    expect(byDid.body).toMatchObject({ results: [] });
  });
});
