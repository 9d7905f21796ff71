import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PG_URL } from './harness';

/** The built CLI (`npm run build` first), run as its own process like a person runs it. */
export const CLI = resolve(import.meta.dirname, '../../bin/ventanilla.js');

export interface ServeProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** The counters' address, once it is listening. */
  readonly url: Promise<string>;
  /** Exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

const groupAlive = (group: number): boolean => {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
};

/** `ventanilla [args]` as a separate process; `url` resolves from the "listening" line. */
export const spawnCli = (
  args: readonly string[],
  env: Record<string, string> = {},
  command: readonly string[] = [process.execPath, CLI],
): ServeProcess => {
  const [bin = process.execPath, ...pre] = command;
  const child = spawn(bin, [...pre, ...args], {
    env: { ...process.env, VENTANILLA_LANG: 'en', ...env },
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: `npx` runs the CLI as a child, and stopping must reach both.
    detached: true,
  });
  let text = '';
  let listening: (url: string) => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const url = new Promise<string>((ok, ko) => {
    listening = ok;
    failed = ko;
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  void exited.then(() => failed(new Error(`exited before listening:\n${text}`)));
  // A one-shot command never listens: only a caller awaiting `url` sees the rejection.
  url.catch(() => undefined);
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    const m = /(?:Central service at|Servicio central en) (http:\/\/\S+) \(/.exec(text);
    if (m?.[1]) listening(m[1]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return {
    child,
    output: () => text,
    url,
    exited,
    stop: async () => {
      const group = -(child.pid ?? 0);
      // One signal to the group (the CLI is its leader, or npx is): a second SIGTERM would
      // land after the CLI's shutdown handler and kill it mid-close.
      try {
        if (child.exitCode === null && child.signalCode === null) process.kill(group, 'SIGTERM');
      } catch {
        // The whole group is gone already.
      }
      const code = await exited;
      for (let i = 0; i < 200 && groupAlive(group); i++) await sleep(50);
      if (groupAlive(group)) process.kill(group, 'SIGKILL');
      return code;
    },
  };
};

/** A PostgreSQL URL whose search_path is a fresh schema, and how to drop it. */
export const pgSchemaUrl = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  const base = PG_URL ?? '';
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const sep = base.includes('?') ? '&' : '?';
  return {
    url: `${base}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => run(`DROP SCHEMA ${schema} CASCADE`),
  };
};
