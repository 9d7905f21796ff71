import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { tempDir } from '../helpers/temp-dir';

const registered = vi.hoisted(() => ({ schemes: [] as unknown[], handled: [] as string[] }));
vi.mock('electron', () => ({}));

const { APP_ENTRY_URL, createAppHandler, registerAppScheme, serveRenderer } =
  await import('../../src/main/protocol');

/** A built renderer folder next to a secret that must stay out of reach. */
const site = () => {
  const base = tempDir();
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ventanilla</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'ventanilla.keys'), 'SECRET');
  symlinkSync(join(base, 'ventanilla.keys'), join(root, 'assets', 'link.js'));
  return createAppHandler(root);
};

const get = (url: string, method = 'GET') => new Request(url, { method });

describe('app:// protocol', () => {
  it('serves the built renderer with the CSP header and the right types', async () => {
    const handle = site();
    const index = await handle(get(APP_ENTRY_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Ventanilla</title>');
    const root = await handle(get('app://ventanilla/'));
    expect(root.status).toBe(200);
    const js = await handle(get('app://ventanilla/assets/index-abc.js?v=1'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('refuses every method but GET', async () => {
    const handle = site();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const res = await handle(get(APP_ENTRY_URL, method));
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
    }
  });

  it('refuses other hosts', async () => {
    const handle = site();
    for (const url of [
      'app://evil/index.html',
      'app://ventanilla.evil/index.html',
      'app://ventanilla:81/index.html',
    ]) {
      expect((await handle(get(url))).status, url).toBe(403);
    }
  });

  it('never serves anything outside the renderer folder', async () => {
    const handle = site();
    for (const path of [
      '/../ventanilla.keys',
      '/assets/../../ventanilla.keys',
      '/%2e%2e/ventanilla.keys',
      '/assets/%2E%2E/%2E%2E/ventanilla.keys',
      '/..%2fventanilla.keys',
      '/..%5cventanilla.keys',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/assets/link.js',
      '/missing.js',
      '/assets',
    ]) {
      const res = await handle(get(`app://ventanilla${path}`));
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('SECRET');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('registers a privileged, secure, standard scheme and its handler', () => {
    const protocol = {
      registerSchemesAsPrivileged: (s: unknown[]) => registered.schemes.push(...s),
      handle: (scheme: string) => void registered.handled.push(scheme),
    };
    registerAppScheme(protocol as unknown as Electron.Protocol);
    serveRenderer(protocol as unknown as Electron.Protocol, tempDir());
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(registered.schemes[0]).not.toMatchObject({ privileges: { bypassCSP: true } });
    expect(registered.handled).toEqual(['app']);
  });
});
