import { closeSync, openSync, readSync } from 'node:fs';
import type { DbCheck } from '../../shared/contract/system';
import type { CoreDeps } from '../app/deps';
import { latestVersion } from '../db/migrations';
import { isEncryptedFile } from '../db/open';

/** Read from the file on disk, not assumed: a plain SQLite file starts with its readable header. */
export const fileIsEncrypted = (path: string): boolean => {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return isEncryptedFile(header);
  } finally {
    closeSync(fd);
  }
};

/** SQLite's own integrity check over every page, with the schema and encryption state. */
export const checkDatabase = (deps: CoreDeps): DbCheck => {
  const rows = deps.db.pragma('integrity_check') as { integrity_check: string }[];
  return {
    path: deps.db.name,
    schemaVersion: deps.schemaVersion,
    knownSchemaVersion: latestVersion(),
    integrity: rows.map((r) => r.integrity_check).join('; '),
    encrypted: fileIsEncrypted(deps.db.name),
  };
};
