import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** The renderer lives at app://ventanilla/…, never at file:// (which would reach the whole disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ventanilla';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

// standard + secure: a real origin (app://ventanilla) with secure-context APIs such as getUserMedia.
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

const refuse = (status: number, extra: Record<string, string> = {}): Response =>
  new Response(null, { status, headers: { ...securityHeaders, ...extra } });

const isInside = (root: string, target: string): boolean => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** Maps a request path to a file under `root`, or null when it would leave it. */
const resolveInside = (root: string, pathname: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Encoded NULs and backslashes are never part of a built asset name.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const target = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  return isInside(root, target) ? target : null;
};

/**
 * The app:// handler: GET only, our host only, files under the built renderer only
 * (symlinks included), with the CSP header on every answer.
 */
export const createAppHandler = (rendererDir: string) => {
  const root = resolve(rendererDir);
  const realRoot = realpath(root).catch(() => root);
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return refuse(405, { Allow: 'GET' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(403);
    const target = resolveInside(root, url.pathname);
    if (!target) return refuse(404);
    try {
      const real = await realpath(target);
      if (!isInside(await realRoot, real)) return refuse(404);
      const body = await readFile(real);
      const type = contentTypes[extname(real).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-cache' },
      });
    } catch {
      return refuse(404);
    }
  };
};

/** Call before `app` is ready: Chromium fixes scheme privileges at start-up. */
export const registerAppScheme = (protocol: Protocol): void =>
  protocol.registerSchemesAsPrivileged([appScheme]);

/** Call once `app` is ready. */
export const serveRenderer = (protocol: Protocol, rendererDir: string): void =>
  protocol.handle(APP_SCHEME, createAppHandler(rendererDir));
