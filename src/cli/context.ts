import { resolve } from 'node:path';
import { createCore, type Core } from '../core/app/create-core';
import { defaultDataDir } from '../core/platform/data-dir';
import { type Language, translate, translateError } from '../shared/i18n';
import type { ErrorShape } from '../shared/errors';

export interface GlobalOptions {
  readonly dataDir?: string;
  readonly debug?: boolean;
}

/** The CLI speaks the language of the environment: Spanish unless LANG says English. */
export const cliLanguage = (env: NodeJS.ProcessEnv = process.env): Language =>
  (env.VENTANILLA_LANG ?? env.LC_ALL ?? env.LANG ?? 'es').toLowerCase().startsWith('en')
    ? 'en'
    : 'es';

export const t = (key: string, params?: Record<string, string | number>): string =>
  translate(cliLanguage(), key, params);

export const errorText = (error: ErrorShape): string => translateError(cliLanguage(), error);

export const resolveDataDir = (opts: GlobalOptions): string =>
  resolve(opts.dataDir ?? defaultDataDir());

// The CLI is built into out/main/cli.js, next to the register-reading worker.
const registerWorker = new URL('./register-import-worker.js', import.meta.url);

/** The core over the data directory the options name. */
export const openCore = (opts: GlobalOptions): Core =>
  createCore({ dataDir: resolveDataDir(opts), registerWorker });

/** Opens the core for one command and always closes it, so the database is never left open. */
export const withCore = async <T>(
  opts: GlobalOptions,
  fn: (core: Core) => Promise<T> | T,
): Promise<T> => {
  const core = openCore(opts);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
};

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};
