import { readFile, stat } from 'node:fs/promises';
import { extname, posix, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * A URL path as a file system would take it: decoded once, backslashes read as `/`, dot segments
 * resolved, no repeated or trailing slash, and no trailing dots or spaces on the last name
 * (Windows drops them). Null when it does not decode, holds a NUL, or names a file in a way
 * only Windows reads (`index.html::$DATA`, the short name `INDEX~1.HTM`): no built file has a
 * colon or a `~digit`. Checks made on this path hold for whatever file it reaches, however the
 * URL spelled it.
 */
export const normaliseUrlPath = (urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0:]|~\d/.test(decoded)) return null;
  const resolved = posix.normalize(`/${decoded.replace(/\\/g, '/')}`);
  return resolved.replace(/[/. ]+$/, '') || '/';
};

/** Reads a normalised path (see `normaliseUrlPath`) inside `root`; escaping it, or not a file, is null. */
export const readStatic = async (root: string, path: string): Promise<StaticFile | null> => {
  const base = resolve(root);
  const full = resolve(base, `.${path}`);
  if (full !== base && !full.startsWith(base + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return {
      body: await readFile(full),
      type: MIME[extname(full).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
};
