import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

// Windows has no POSIX modes; there the user profile's ACLs keep the data folder private.
const posix = process.platform !== 'win32';

/** Creates `dir` (and its parents) for this user only, and tightens one left open (0755). */
export const privateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix) chmodSync(dir, 0o700);
};

/** Creates `file` empty if it is missing, 0600, and tightens it if it exists. */
export const privateFile = (file: string): void => {
  closeSync(openSync(file, 'a', 0o600));
  if (posix) chmodSync(file, 0o600);
};

/** Tightens `file` to 0600 when it exists; a missing one is left missing. */
export const tightenIfPresent = (file: string): void => {
  if (posix && existsSync(file)) chmodSync(file, 0o600);
};

/** The permission bits others (group or world) hold on `mode`, or 0. */
export const openToOthers = (mode: number): number => (posix ? mode & 0o077 : 0);
