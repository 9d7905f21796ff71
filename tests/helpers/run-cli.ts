import { vi } from 'vitest';
import { runCli } from '../../src/cli/program';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `ventanilla ...args` in this process with stdout and stderr captured, and with `env`
 * added to the environment for the duration of the call.
 */
export const runCliCaptured = async (
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> => {
  let out = '';
  let err = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  process.exitCode = undefined;
  try {
    const code = await runCli(['node', 'ventanilla', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.env = saved;
    process.exitCode = undefined;
  }
};
