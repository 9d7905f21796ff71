import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { pgSchemaUrl, type ServeProcess, spawnCli } from './central-process';
import { storeVariants } from './harness';

/** The README's "Set up and run" section, as a person reads it. */
const setUpSection = (): string => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('## Set up and run');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
};

/** Shell words: spaces split, double quotes group. */
const words = (line: string): string[] =>
  [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

const command = (text: string, pattern: RegExp): string[] => {
  const line = pattern.exec(text)?.[1];
  if (!line) throw new Error(`the README no longer shows ${String(pattern)}`);
  return words(line);
};

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

let running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  running = [];
});

describe.each(storeVariants)("the README's central section, run as written ($name)", (variant) => {
  it.skipIf(variant.skip)(
    'central serve, then beside it enroll-device, then the counter enrols and syncs',
    async () => {
      const text = setUpSection();
      const serve = command(text, /^(npx ventanilla central serve)\b/m);
      const enrollDevice = command(text, /`(npx ventanilla central enroll-device "[^"]+")`/);
      const enroll = command(text, /`(npx ventanilla enroll --central URL --code CODE)`/);
      const sync = command(text, /`(npx ventanilla sync)`/);
      expect(enrollDevice).toEqual([
        'npx',
        'ventanilla',
        'central',
        'enroll-device',
        'Mostrador 1',
      ]);

      const pgdb = variant.name === 'postgres' ? await pgSchemaUrl() : undefined;
      // Central's machine and the counter's are two data folders; PostgreSQL as the README says.
      const central: Record<string, string> = { VENTANILLA_DATA_DIR: tempDir() };
      if (pgdb) central.VENTANILLA_DATABASE_URL = pgdb.url;
      const counter = { VENTANILLA_DATA_DIR: tempDir() };
      // Each word as the README has it, through npx; only the port is added (8443 may be taken).
      const run = (argv: string[], env: Record<string, string>, extra: string[] = []) => {
        const [npx = 'npx', ...rest] = argv;
        const p = spawnCli([...rest, ...extra], env, [npx]);
        running.push(p);
        return p;
      };
      try {
        const port = await freePort();
        const service = run(serve, central, ['--port', String(port)]);
        const url = await service.url;
        expect(url).toBe(`http://127.0.0.1:${port}`);

        const made = run(enrollDevice, central);
        expect(await made.exited).toBe(0);
        const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(made.output())?.[0] ?? '';
        expect(made.output()).toContain(`Enrolment code for "Mostrador 1": ${code}`);

        const enrolled = run(
          enroll.map((w) => (w === 'URL' ? url : w === 'CODE' ? code : w)),
          counter,
        );
        expect(await enrolled.exited).toBe(0);
        expect(enrolled.output()).toContain(`Counter enrolled as "Mostrador 1" at ${url}.`);

        const synced = run(sync, counter);
        expect(await synced.exited).toBe(0);
        // The enrolment's own audit entries travel on the first sync.
        expect(synced.output()).toMatch(
          /^Sent [1-9]\d* \(applied [1-9]\d*, duplicates 0, rejected 0\)/m,
        );
        expect(service.output()).toContain('/admin/enrollDevice');
        // Stopped, the service hands its data folder back: no lock is left behind.
        await service.stop();
        expect(existsSync(join(central.VENTANILLA_DATA_DIR ?? '', 'central.lock'))).toBe(false);
      } finally {
        await Promise.all(running.map((p) => p.stop()));
        await pgdb?.drop();
      }
    },
    240_000,
  );
});
