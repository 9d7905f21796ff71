import { join } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3-multiple-ciphers';
import { audit, type CoreDeps, inTransaction } from '../../../src/core/app/deps';
import type { Actor } from '../../../src/core/audit/append';
import { readKeyFile } from '../../../src/core/db/keys';
import { applyKey, DB_FILE } from '../../../src/core/db/open';
import type { AuditAction } from '../../../src/shared/contract/audit-actions';
import { SYSTEM } from '../../helpers/test-core';

/** Appends `n` entries the way features do, through `audit()`, in one transaction for speed. */
export const appendEntries = (
  deps: CoreDeps,
  n: number,
  action: AuditAction = 'settings.changed',
  actor: Actor = SYSTEM,
): void =>
  inTransaction(deps, () => {
    for (let i = 0; i < n; i++)
      audit(deps, { actor, action, subject: `staff:u${i}`, details: { i } });
  });

/**
 * The attacker: a plain SQLCipher connection to the file with the key, bypassing the app, who
 * drops the append-only triggers first.
 */
export const rawAttacker = (dataDir: string): Database => {
  const keys = readKeyFile(dataDir);
  if (!keys) throw new Error('no key file');
  const db = new DatabaseConstructor(join(dataDir, DB_FILE));
  applyKey(db, keys.dbKey);
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_checkpoint_no_update; DROP TRIGGER audit_checkpoint_no_delete;`);
  return db;
};
