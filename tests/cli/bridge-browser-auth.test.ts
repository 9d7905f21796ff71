import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/cli/bridge/server';
import { tempDir } from '../helpers/temp-dir';
import { asOperator, testCore } from '../helpers/test-core';

const setup = async () => {
  const t = testCore();
  await asOperator(t.core, 'staffAdd', {
    username: 'ana',
    displayName: 'Ana',
    role: 'clerk',
    password: 'password-1',
  });
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ventanilla</title>');
  const bridge = await startBridge({ dispatch: t.core.dispatch, rendererDir, port: 0 });
  afterEach(() => bridge.close());
  return bridge;
};

const page = (bridge: Bridge, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${bridge.port}${path}`, { headers, redirect: 'manual' });

/** The launch address opened once: the cookie the browser would keep. */
const exchange = async (bridge: Bridge): Promise<string> => {
  const res = await fetch(bridge.url, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
};

const rpc = (bridge: Bridge, op: string, cookie: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${bridge.port}/rpc/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: '{}',
  });

describe('browser mode: the launch token becomes a cookie, once', () => {
  it('trades the token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const bridge = await setup();
    const res = await fetch(bridge.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toMatch(
      new RegExp(`^ventanilla_${bridge.port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // A reload is a plain GET / with the cookie: it keeps working.
    for (let i = 0; i < 2; i++) {
      const reload = await page(bridge, '/', { cookie });
      expect(reload.status).toBe(200);
      expect(await reload.text()).toContain('<title>Ventanilla</title>');
    }
  });

  it('refuses the same address a second time, in another browser (no cookie)', async () => {
    const bridge = await setup();
    const cookie = await exchange(bridge);
    const again = await fetch(bridge.url, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    // The browser that has the cookie may open the address again: it just goes to the app.
    const same = await fetch(bridge.url, { redirect: 'manual', headers: { cookie } });
    expect(same.status).toBe(303);
    expect(same.headers.get('set-cookie')).toBeNull();
    // A made-up cookie is no cookie.
    const forged = cookie.replace(/=.*/, '=AAAA');
    expect((await page(bridge, '/', { cookie: forged })).status).toBe(401);
    expect((await rpc(bridge, 'appInfo', forged)).status).toBe(401);
  });

  it('keeps the staff session in the bridge: the page never sees it, a reload keeps it', async () => {
    const bridge = await setup();
    const cookie = await exchange(bridge);
    const signIn = await fetch(`http://127.0.0.1:${bridge.port}/rpc/authSignIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ username: 'ana', password: 'password-1' }),
    });
    const body = (await signIn.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, value: { staff: { username: 'ana' } } });
    expect(body).not.toHaveProperty('session');
    const current = await (await rpc(bridge, 'authSession', cookie)).json();
    expect(current).toMatchObject({ ok: true, value: { staff: { username: 'ana' } } });
    expect((await rpc(bridge, 'systemStatus', cookie)).status).toBe(200);
    await rpc(bridge, 'authSignOut', cookie);
    const after = await rpc(bridge, 'systemStatus', cookie);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('refuses the cookie on a request from another origin', async () => {
    const bridge = await setup();
    const cookie = await exchange(bridge);
    const res = await rpc(bridge, 'appInfo', cookie, { origin: 'http://127.0.0.1:1' });
    expect(res.status).toBe(403);
    const own = await rpc(bridge, 'appInfo', cookie, { origin: `http://127.0.0.1:${bridge.port}` });
    expect(own.status).toBe(200);
  });

  it('answers its own pages in Spanish, or in English when the browser prefers it', async () => {
    const bridge = await setup();
    const es = await page(bridge, '/');
    expect(es.status).toBe(401);
    expect(es.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const esText = await es.text();
    expect(esText).toContain('<html lang="es">');
    expect(esText).toContain('Esta dirección no es válida o ya se usó.');
    const en = await page(bridge, '/', { 'accept-language': 'en-GB,en;q=0.9,es;q=0.5' });
    expect(await en.text()).toContain('This address is not valid or was already used.');
    const esFirst = await page(bridge, '/', { 'accept-language': 'fr, es;q=0.8, en;q=0.7' });
    expect(await esFirst.text()).toContain('<html lang="es">');
    const missing = await page(bridge, '/nada.js', { 'accept-language': 'en' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('This page does not exist.');
    // Another name for this PC: a page for the person, the code for scripts.
    const { request } = await import('node:http');
    const viaOtherName = (path: string, method = 'GET') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: bridge.port,
            path,
            method,
            headers: { host: 'pc-ventanilla:80' },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    const other = await viaOtherName('/');
    expect(other.status).toBe(421);
    expect(other.body).toContain(`solo responde en http://127.0.0.1:${bridge.port}`);
    const script = await viaOtherName('/rpc/appInfo', 'POST');
    expect(JSON.parse(script.body)).toEqual({ ok: false, error: { code: 'bridge_bad_host' } });
  });
});
