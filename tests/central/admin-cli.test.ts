import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { pgSchemaUrl, type ServeProcess, spawnCli } from './central-process';
import { newDeviceKey, signedHeaders, storeVariants, type TestDevice, wireOp } from './harness';

const HEADER = 'ID;DNI;NOMBRE;APELLIDO1;FECHA_NACIMIENTO';
const TEMPLATE = join(import.meta.dirname, '../../resources/forms/incidencia-via-publica.json');

interface Target {
  readonly dir: string;
  /** `--database-url …` for PostgreSQL, nothing for the embedded database. */
  readonly db: string[];
}

const admin = async (t: Target, args: string[]) => {
  const run = await runCliCaptured(['--data-dir', t.dir, 'central', ...args, ...t.db], {
    VENTANILLA_LANG: 'en',
  });
  if (run.code !== 0) throw new Error(`central ${args.join(' ')}: ${run.code} ${run.err}`);
  return run;
};
const json = async <T>(t: Target, args: string[]): Promise<T> =>
  JSON.parse((await admin(t, [...args, '--json'])).out) as T;

const serve = async (t: Target): Promise<{ proc: ServeProcess; url: string }> => {
  const proc = spawnCli(['--data-dir', t.dir, 'central', 'serve', '--port', '0', ...t.db]);
  return { proc, url: await proc.url };
};

const enrol = async (url: string, code: string): Promise<TestDevice> => {
  const device = { id: randomUUID(), key: newDeviceKey() };
  const res = await fetch(`${url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, device_id: device.id, public_key: device.key.publicKeyBase64 }),
  });
  expect(res.status).toBe(200);
  return device;
};

const pushStatus = async (url: string, device: TestDevice): Promise<number> => {
  const body = JSON.stringify({ protocol: 1, device_id: device.id, ops: [wireOp('x.y', {})] });
  const res = await fetch(`${url}/v1/sync/push`, {
    method: 'POST',
    headers: signedHeaders(device, 'POST', '/v1/sync/push', body),
    body,
  });
  await res.arrayBuffer();
  return res.status;
};

const pulledTypes = async (url: string, device: TestDevice): Promise<string[]> => {
  const path = '/v1/sync/pull?cursor=0&limit=1000';
  const res = await fetch(`${url}${path}`, { headers: signedHeaders(device, 'GET', path, '') });
  expect(res.status).toBe(200);
  const page = (await res.json()) as { changes: { type: string }[] };
  return [...new Set(page.changes.map((c) => c.type))].sort();
};

const files = (dir: string) => {
  const padron = join(dir, 'padron.csv');
  writeFileSync(
    padron,
    `${HEADER}\nA1;12345678Z;Rocío;Herrera;1990-02-03\nA2;;Jan;Kowal;1985-07-14\n`,
  );
  const shipped = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { version: number };
  const template = join(dir, 'plantilla.json');
  writeFileSync(template, JSON.stringify({ ...shipped, version: shipped.version + 1 }));
  return { padron, template };
};

const EVERY_CHANGE = ['forms.template', 'register.resident', 'verification.request'];

let running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  running = [];
});

describe.each(storeVariants)('admin commands beside central serve ($name)', (variant) => {
  const target = async (): Promise<Target & { drop(): Promise<void> }> => {
    const dir = tempDir();
    if (variant.name !== 'postgres') return { dir, db: [], drop: async () => undefined };
    const pgdb = await pgSchemaUrl();
    return { dir, db: ['--database-url', pgdb.url], drop: pgdb.drop };
  };
  const up = async (t: Target) => {
    const s = await serve(t);
    running.push(s.proc);
    return s;
  };

  it.skipIf(variant.skip)(
    'with the service running, every command goes through it and takes effect at once',
    async () => {
      const t = await target();
      try {
        const { padron, template } = files(t.dir);
        const { proc, url } = await up(t);

        const { code } = await json<{ code: string }>(t, ['enroll-device', 'Mostrador 1']);
        const device = await enrol(url, code);
        const { devices } = await json<{ devices: { id: string; name: string }[] }>(t, ['devices']);
        expect(devices.map((d) => [d.id, d.name])).toEqual([[device.id, 'Mostrador 1']]);

        const token = /: (\S+)$/.exec((await admin(t, ['token', 'ana'])).out.trim())?.[1] ?? '';
        const board = await fetch(`${url}/v1/devices`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(board.status).toBe(200);

        await json(t, ['request-verification', 'A1', 'x', '@ana_g']);
        expect(await json(t, ['register', 'import', padron])).toMatchObject({ imported: 2 });
        expect(await json(t, ['forms', 'publish', template])).toMatchObject({
          id: 'incidencia-via-publica',
        });
        expect(await pulledTypes(url, device)).toEqual(EVERY_CHANGE);

        expect(await pushStatus(url, device)).toBe(200);
        expect((await admin(t, ['revoke-device', device.id])).out).toContain('revoked');
        // The very next push is refused: the revocation reached the service's own database.
        expect(await pushStatus(url, device)).toBe(403);

        // Each command went through the service's loopback admin route.
        const log = proc.output();
        for (const op of [
          'enrollDevice',
          'devices',
          'token',
          'requestVerification',
          'registerImport',
          'formsPublish',
          'revokeDevice',
        ])
          expect(log).toContain(`/admin/${op}`);
      } finally {
        await Promise.all(running.map((p) => p.stop()));
        await t.drop();
      }
    },
    300_000,
  );

  it.skipIf(variant.skip)(
    'with the service stopped, every command opens the database and the service finds it done',
    async () => {
      const t = await target();
      try {
        const { padron, template } = files(t.dir);
        const first = await json<{ code: string }>(t, ['enroll-device', 'Mostrador 1']);
        const second = await json<{ code: string }>(t, ['enroll-device', 'Mostrador 2']);
        const token = /: (\S+)$/.exec((await admin(t, ['token', 'ana'])).out.trim())?.[1] ?? '';
        await json(t, ['request-verification', 'A1', 'x', '@ana_g']);
        expect(await json(t, ['register', 'import', padron])).toMatchObject({ imported: 2 });
        await json(t, ['forms', 'publish', template]);

        let { proc, url } = await up(t);
        const one = await enrol(url, first.code);
        const two = await enrol(url, second.code);
        const board = await fetch(`${url}/v1/devices`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(board.status).toBe(200);
        expect(await pulledTypes(url, one)).toEqual(EVERY_CHANGE);
        expect(await proc.stop()).toBe(0);

        const { devices } = await json<{ devices: { name: string }[] }>(t, ['devices']);
        expect(devices.map((d) => d.name)).toEqual(['Mostrador 1', 'Mostrador 2']);
        expect((await admin(t, ['revoke-device', two.id])).out).toContain('revoked');

        ({ proc, url } = await up(t));
        expect(await pushStatus(url, one)).toBe(200);
        expect(await pushStatus(url, two)).toBe(403);
        expect(proc.output()).not.toContain('/admin/');
      } finally {
        await Promise.all(running.map((p) => p.stop()));
        await t.drop();
      }
    },
    300_000,
  );
});
