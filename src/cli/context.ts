import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createCore, type Core } from '../core/app/create-core';
import { defaultDataDir } from '../core/platform/data-dir';
import type { OperationName, OpInput, OpOutput } from '../shared/contract';
import { type Language, translate, translateError } from '../shared/i18n';
import { AppError, type ErrorShape } from '../shared/errors';

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

/** The core over the data directory the options name; unexpected errors print with --debug. */
export const openCore = (opts: GlobalOptions): Core =>
  createCore({
    dataDir: resolveDataDir(opts),
    registerWorker,
    log: (e) => {
      if (opts.debug) console.error(e);
    },
  });

export interface StaffCredentials {
  readonly username: string;
  readonly password: string;
}

/** `--staff NAME` with the password from VENTANILLA_PASSWORD, for operations staff must sign. */
export const staffCredentials = (staff: string): StaffCredentials => {
  const password = process.env.VENTANILLA_PASSWORD;
  if (!password) throw new AppError('usage_password_required');
  return { username: staff.trim().toLowerCase(), password };
};

export interface CallOptions {
  readonly as?: StaffCredentials | undefined;
  readonly onProgress?: ((fraction: number) => void) | undefined;
}

/**
 * Runs one operation through the core's dispatch, as the operator at this machine (or as the
 * staff member `as` names): the contract decides who may, exactly as for the app.
 */
export const call = async <N extends OperationName>(
  core: Core,
  name: N,
  input: OpInput<N>,
  options: CallOptions = {},
): Promise<OpOutput<N>> => {
  const local = { osUser: userInfo().username, staff: options.as, onProgress: options.onProgress };
  const { envelope, status } = await core.dispatch(name, input, { local });
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.params, status);
  return envelope.value as OpOutput<N>;
};

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
