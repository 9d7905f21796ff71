import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../src/cli/bridge/server';
import { CheckGate, MAX_ATTEMPTS } from '../../../src/core/staff/lockout';
import { tempDir } from '../../helpers/temp-dir';
import { SYSTEM, type TestCore, testCore } from '../../helpers/test-core';
import { ANA, documentOf } from '../verifications/fixture-register';
import { CLERK, desk, saveInput } from '../verifications/desk';

const PASSWORD = 'correct horse battery';
const PARALLEL = 50;

/** A real browser-mode bridge on loopback over the test core. */
const bridgeFor = async (t: TestCore) => {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ventanilla</title>');
  const bridge = await startBridge({ dispatch: t.core.dispatch, rendererDir, port: 0 });
  afterEach(() => bridge.close());
  return async (username: string, password: string) => {
    const res = await fetch(`http://127.0.0.1:${bridge.port}/rpc/authSignIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as {
      ok: boolean;
      session?: string;
      error?: { code: string };
    };
    return { status: res.status, code: body.ok ? 'ok' : body.error?.code, session: body.session };
  };
};

/** Passwords actually checked against the hash: each one that failed leaves one audit entry. */
const checkedFailures = (t: TestCore, username: string): number =>
  (
    t.core.deps.db
      .prepare(
        `SELECT count(*) AS n FROM audit_log
         WHERE action IN ('auth.sign_in_failed', 'auth.account_locked') AND subject = ?`,
      )
      .get(`staff:${username}`) as { n: number }
  ).n;

const lockState = (t: TestCore, username: string) =>
  t.core.deps.db
    .prepare('SELECT failed_attempts, locked_until FROM staff WHERE username = ?')
    .get(username) as { failed_attempts: number; locked_until: string | null };

describe('sign-in lockout under parallel guesses', () => {
  it(`checks at most ${MAX_ATTEMPTS} of ${PARALLEL} parallel wrong passwords over the bridge, then locks`, async () => {
    const t = testCore();
    await t.core.services.staff.add(SYSTEM, {
      username: 'lola',
      displayName: 'Lola',
      role: 'clerk',
      password: PASSWORD,
    });
    const signIn = await bridgeFor(t);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => signIn('lola', `wrong guess ${i}`)),
    );
    expect(
      answers.every((a) => a.code === 'invalid_credentials' || a.code === 'account_locked'),
    ).toBe(true);
    expect(answers.filter((a) => a.code === 'invalid_credentials')).toHaveLength(MAX_ATTEMPTS - 1);
    expect(answers.filter((a) => a.status === 423)).toHaveLength(PARALLEL - MAX_ATTEMPTS + 1);
    expect(checkedFailures(t, 'lola')).toBe(MAX_ATTEMPTS);
    const state = lockState(t, 'lola');
    expect(state.failed_attempts).toBe(MAX_ATTEMPTS);
    expect(Date.parse(state.locked_until ?? '')).toBeGreaterThan(t.clock.now().getTime());
    // The right password is refused while the lock lasts, and no session is handed out.
    const right = await signIn('lola', PASSWORD);
    expect(right).toMatchObject({ status: 423, code: 'account_locked' });
    expect(right.session).toBeUndefined();
    t.clock.advance(31_000);
    expect(await signIn('lola', PASSWORD)).toMatchObject({ status: 200, code: 'ok' });
    expect(lockState(t, 'lola')).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it(`checks at most ${MAX_ATTEMPTS} parallel guesses at a manager's password through the expired-document override`, async () => {
    const { t, service } = desk();
    await t.signInAs('manager', 'marta');
    const input = saveInput(ANA, '@ana_g', t.clock.now(), {
      document: documentOf(ANA, '2025-12-31'),
    });
    const guess = (password: string) =>
      service
        .save(CLERK, { ...input, override: { username: 'marta', password, reason: 'En trámite' } })
        .then(
          () => 'ok',
          (e: { code?: string }) => e.code,
        );
    const codes = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => guess(`wrong guess ${i}`)),
    );
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(MAX_ATTEMPTS - 1);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(PARALLEL - MAX_ATTEMPTS + 1);
    expect(checkedFailures(t, 'marta')).toBe(MAX_ATTEMPTS);
    expect(await guess(PASSWORD)).toBe('account_locked');
  });
});

describe('unknown usernames answer like real ones', () => {
  it('locks an unknown username on the same schedule, with the same answers', async () => {
    const t = testCore();
    await t.core.services.staff.add(SYSTEM, {
      username: 'lola',
      displayName: 'Lola',
      role: 'clerk',
      password: PASSWORD,
    });
    const answers = async (username: string): Promise<unknown[]> => {
      const out: unknown[] = [];
      for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
        out.push(
          await t.call('authSignIn', { username, password: 'not it' }).then(
            () => 'ok',
            (e: { code: string; params?: unknown }) => ({ code: e.code, params: e.params }),
          ),
        );
      }
      return out;
    };
    const real = await answers('lola');
    const ghost = await answers('ghost');
    expect(ghost).toEqual(real);
    expect(ghost.at(-1)).toMatchObject({ code: 'account_locked', params: { seconds: 30 } });
    t.clock.advance(31_000);
    await expect(t.call('authSignIn', { username: 'ghost', password: 'x' })).rejects.toMatchObject({
      code: 'account_locked',
      params: { seconds: 60 },
    });
  });
});

describe('the per-account check gate', () => {
  it('runs one check per account at a time, in arrival order, and other accounts alongside', async () => {
    const gate = new CheckGate(1);
    const running = new Map<string, number>();
    let most = 0;
    const order: string[] = [];
    const check = (key: string, label: string) =>
      gate.run(key, async () => {
        const now = (running.get(key) ?? 0) + 1;
        running.set(key, now);
        most = Math.max(most, now);
        order.push(label);
        // A turn of the event loop: the others queued behind it get every chance to start.
        await new Promise((resolve) => setImmediate(resolve));
        running.set(key, now - 1);
        if (label === 'lola-2') throw new Error('a failed check still frees its turn');
        return label;
      });
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => check('lola', `lola-${i}`)),
      check('marta', 'marta-0'),
    ]);
    expect(most).toBe(1);
    expect(order.filter((l) => l.startsWith('lola'))).toEqual(
      Array.from({ length: 10 }, (_, i) => `lola-${i}`),
    );
    // marta did not wait for lola's queue: she ran second, right after lola's first check began.
    expect(order.indexOf('marta-0')).toBe(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });
});
