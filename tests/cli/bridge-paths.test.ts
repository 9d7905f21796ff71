import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/cli/bridge/server';
import { normaliseUrlPath } from '../../src/core/platform/static-files';
import { tempDir } from '../helpers/temp-dir';
import { testCore } from '../helpers/test-core';

const PAGE = '<!doctype html><title>Ventanilla</title>';

const setup = async (): Promise<Bridge> => {
  const t = testCore();
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const bridge = await startBridge({ dispatch: t.core.dispatch, rendererDir, port: 0 });
  afterEach(() => bridge.close());
  return bridge;
};

/** A raw request: fetch would tidy the path (dot segments, backslashes) before sending it. */
const get = (
  bridge: Bridge,
  path: string,
  cookie = '',
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        headers: { host: `127.0.0.1:${bridge.port}`, ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });

// Ways to name the page without saying `/` or `/index.html` literally.
const PAGE_VARIANTS = [
  '/%69ndex.html',
  '/index.html/',
  '/index.html//',
  '//index.html',
  '/./index.html',
  '/%2e/index.html',
  '/assets/../index.html',
  '/assets/%2e%2e/index.html',
  '/assets%2f..%2findex.html',
  '/%5cindex.html',
  '/assets%5c..%5cindex.html',
  '/\\index.html',
  '/assets\\..\\index.html',
  '/INDEX.HTML',
  '/Index.Html',
  '/index.html.',
  '/index.html%20',
  '/index%2ehtml',
];

describe('browser-mode bridge paths', () => {
  it.each(PAGE_VARIANTS)('%s asks for the token like / does', async (path) => {
    const bridge = await setup();
    const answer = await get(bridge, path);
    expect(answer.body).not.toContain('<title>Ventanilla</title>');
    expect(answer.status).toBe(401);
  });

  // Names Windows alone resolves to index.html (a data stream, an 8.3 short name) reach no file.
  it.each(['/index.html::$DATA', '/index.html:', '/INDEX~1.HTM', '/assets/..%5cINDEX~1.HTM'])(
    '%s names no file',
    (path) => {
      expect(normaliseUrlPath(path)).toBeNull();
    },
  );

  it('the same variants serve the page to the browser holding the cookie; assets need none', async () => {
    const bridge = await setup();
    const exchanged = await fetch(bridge.url, { redirect: 'manual' });
    const cookie = (exchanged.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (const path of ['/', '/%69ndex.html', '/index.html/', '//index.html', '/INDEX.HTML']) {
      expect(await get(bridge, path, cookie)).toEqual({ status: 200, body: PAGE });
    }
    expect(await get(bridge, '/assets//app.js')).toEqual({ status: 200, body: 'console.log(1)' });
    expect((await get(bridge, '/assets/%E0%A4%A.js')).status).toBe(404);
    expect((await get(bridge, '/assets/app.js%00')).status).toBe(404);
  });
});
