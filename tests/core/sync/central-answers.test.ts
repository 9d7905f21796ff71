import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CENTRAL_ERROR_CODES,
  centralAnswerError,
  syncStopError,
} from '../../../src/shared/contract/central-errors';
import { languages, translate, translateError } from '../../../src/shared/i18n';
import { testCore } from '../../helpers/test-core';

const CENTRAL_SRC = resolve(import.meta.dirname, '../../../src/central');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );

/** Every refusal code written in central's source, however the route words its refusal. */
const codesInCentralSource = (): Set<string> => {
  const found = new Set<string>();
  const patterns = [
    /\b(?:fail|refuse)\((?:reply, )?(?:\d{3}|[a-z.]+), '([a-z_]+)'\)/g,
    /ok: false, (?:status|code): \d{3}, error: '([a-z_]+)'/g,
    /^\s+\d{3}: '([a-z_]+)',$/gm,
  ];
  for (const file of sourceFiles(CENTRAL_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) if (m[1]) found.add(m[1]);
  }
  return found;
};

const sentence = (lang: (typeof languages)[number], e: ReturnType<typeof centralAnswerError>) =>
  translateError(lang, e);

describe("central's answers as the counter words them", () => {
  it('lists exactly the codes central sends', () => {
    const inSource = codesInCentralSource();
    expect(inSource.size).toBeGreaterThan(15);
    expect(
      [...inSource].filter((c) => !(CENTRAL_ERROR_CODES as readonly string[]).includes(c)),
    ).toEqual([]);
    expect(CENTRAL_ERROR_CODES.filter((c) => !inSource.has(c))).toEqual([]);
  });

  const answers: [string, number, unknown][] = [
    ...CENTRAL_ERROR_CODES.map((c): [string, number, unknown] => [c, 400, { error: c }]),
    ['a 500 with Fastify’s own body', 500, { error: 'Internal Server Error', statusCode: 500 }],
    ['a non-JSON body', 502, undefined],
    ['an unknown code', 403, { error: 'Forbidden' }],
  ];

  it.each(answers)('%s reads as a sentence in Spanish and in English', (_name, status, body) => {
    const error = centralAnswerError(status, body);
    const es = sentence('es', error);
    const en = sentence('en', error);
    const internal = translate('es', 'errors.internal');
    for (const text of [es, en]) {
      expect(text).not.toMatch(/errors\.|sync_|\{\{|Internal Server Error|Forbidden/);
      expect(text).toMatch(/^[A-ZÁÉÍÓÚÑ¿].{15,}[.)]$/);
    }
    expect(es).not.toBe(en);
    expect(es).not.toMatch(/\b(the|service|counter|request|refused|try|again)\b/i);
    expect(en).not.toMatch(/\b(el|servicio|mostrador|vuelva|ha)\b/i);
    // Each answer has its own words, not the counter's catch-all for an unknown key.
    expect(es).not.toBe(internal);
    if (body === undefined || status === 500) expect(es).toContain(`HTTP ${status}`);
  });

  it('words why a run stopped: codes, http_NNN, bad responses and the network', () => {
    expect(syncStopError('device_revoked')).toEqual({ code: 'sync_device_revoked' });
    expect(translateError('en', syncStopError('http_500'))).toContain('HTTP 500');
    expect(translateError('es', syncStopError('network'))).toContain('sin red');
    expect(translateError('en', syncStopError('timeout'))).toContain('timed out');
    expect(translateError('es', syncStopError('bad_response'))).toMatch(/respuesta/);
    expect(translateError('es', syncStopError('Internal Server Error'))).not.toMatch(/Internal/);
  });
});

describe('enrolling against something that is not central', () => {
  let server: Server;
  let url = '';
  const replies: { status: number; type: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const next = replies.shift() ?? { status: 500, type: 'text/plain', body: 'boom' };
      if (next.status === 0) return req.socket.destroy();
      res.writeHead(next.status, { 'content-type': next.type }).end(next.body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('a 500, an HTML proxy page and an unknown JSON code each read as a translated sentence', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    replies.push(
      { status: 500, type: 'application/json', body: '{"error":"Internal Server Error"}' },
      { status: 502, type: 'text/html', body: '<html><h1>502 Bad Gateway</h1></html>' },
      { status: 403, type: 'application/json', body: '{"error":"Forbidden"}' },
    );
    for (const status of [500, 502, 403]) {
      const error = (await t
        .call('syncEnrol', { centralUrl: url, code: 'ABCD-EFGH-JKMN-PQRS' }, admin)
        .catch((e: unknown) => e)) as { code: string; params?: Record<string, number> };
      expect(error).toMatchObject({ code: 'sync_central_failed', params: { status } });
      expect(translateError('es', error)).toContain(`HTTP ${status}`);
    }
    // A reset connection is "unreachable", with the address.
    replies.push({ status: 0, type: '', body: '' });
    const reset = (await t
      .call('syncEnrol', { centralUrl: url, code: 'ABCD-EFGH-JKMN-PQRS' }, admin)
      .catch((e: unknown) => e)) as { code: string };
    expect(reset.code).toBe('sync_unreachable');
  }, 60_000);
});
