import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` with the SHA-256 of its bytes. */
export const snapshotDir = (dir: string): Map<string, string> => {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      path.slice(dir.length + 1),
      createHash('sha256').update(readFileSync(path)).digest('hex'),
    );
  }
  return files;
};

/** The files added, removed or rewritten between two snapshots, sorted. */
export const changedFiles = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...new Set([...before.keys(), ...after.keys()])]
    .filter((name) => before.get(name) !== after.get(name))
    .sort();
