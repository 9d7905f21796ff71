import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/cli/bridge/server';
import { tempDir } from '../helpers/temp-dir';
import { asOperator, testCore } from '../helpers/test-core';

const setup = async () => {
  const t = testCore();
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ventanilla</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dataDir, 'secret.txt'), 'do not serve');
  const bridge = await startBridge({ dispatch: t.core.dispatch, rendererDir, port: 0 });
  afterEach(() => bridge.close());
  return { t, bridge };
};

const rpc = (bridge: Bridge, op: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${bridge.port}/rpc/${op}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${bridge.token}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser-mode bridge', () => {
  it('serves the app only with the launch token', async () => {
    const { bridge } = await setup();
    expect((await fetch(`http://127.0.0.1:${bridge.port}/`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${bridge.port}/?token=wrong`)).status).toBe(401);
    const exchanged = await fetch(bridge.url, { redirect: 'manual' });
    expect(exchanged.status).toBe(303);
    const cookie = (exchanged.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const ok = await fetch(`http://127.0.0.1:${bridge.port}/`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>Ventanilla</title>');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(ok.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('binds to 127.0.0.1 only', async () => {
    const { bridge } = await setup();
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // ::1 is another interface; nothing listens there.
    await expect(fetch(`http://[::1]:${bridge.port}/`)).rejects.toThrow();
  });

  it('answers 401 to RPC without the bearer token', async () => {
    const { bridge } = await setup();
    const res = await rpc(bridge, 'appInfo', {}, { authorization: '' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'bridge_unauthorized' } });
  });

  it('runs the contract over POST /rpc/{operation} and carries the session', async () => {
    const { bridge, t } = await setup();
    await asOperator(t.core, 'staffAdd', {
      username: 'ana',
      displayName: 'Ana',
      role: 'clerk',
      password: 'password-1',
    });
    const info = await (await rpc(bridge, 'appInfo', {})).json();
    expect(info).toMatchObject({ ok: true, value: { needsSetup: false } });
    const signIn = await (
      await rpc(bridge, 'authSignIn', { username: 'ana', password: 'password-1' })
    ).json();
    expect(signIn).toMatchObject({ ok: true, session: expect.any(String) });
    const status = await rpc(
      bridge,
      'systemStatus',
      {},
      { 'x-ventanilla-session': signIn.session },
    );
    expect(status.status).toBe(200);
    const noSession = await rpc(bridge, 'systemStatus', {});
    expect(noSession.status).toBe(401);
    expect(await noSession.json()).toEqual({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('rejects bad requests with clear codes', async () => {
    const { bridge } = await setup();
    expect((await rpc(bridge, 'noSuchThing', {})).status).toBe(404);
    expect((await rpc(bridge, 'appInfo', '{not json')).status).toBe(400);
    const invalid = await rpc(bridge, 'authSignIn', { username: 1 });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe('invalid_input');
    const big = await rpc(bridge, 'authSignIn', {
      username: 'a',
      password: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    const get = await fetch(`http://127.0.0.1:${bridge.port}/rpc/appInfo`, {
      headers: { authorization: `Bearer ${bridge.token}` },
    });
    expect(get.status).toBe(405);
  });

  it('refuses foreign Host headers and path traversal', async () => {
    const { bridge } = await setup();
    const { request } = await import('node:http');
    const status = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: bridge.port, path, headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await status('/assets/app.js', `127.0.0.1:${bridge.port}`)).toBe(200);
    expect(await status('/assets/app.js', 'evil.example')).toBe(421);
    expect(await status('/../secret.txt', `127.0.0.1:${bridge.port}`)).toBe(404);
    expect(await status('/assets/..%2F..%2Fsecret.txt', `127.0.0.1:${bridge.port}`)).toBe(404);
  });
});
