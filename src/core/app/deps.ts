import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit, type AuditInput } from '../audit/append';
import type { InstallationKeys } from '../db/keys';
import type { Clock } from '../platform/clock';

/** What every feature service is built from. */
export interface CoreDeps {
  readonly db: Database;
  readonly keys: InstallationKeys;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly deviceId: string;
  readonly version: string;
  readonly schemaVersion: number;
}

/** Runs `fn` in one write transaction; audit entries written inside commit with the effect. */
export const inTransaction = <T>(deps: CoreDeps, fn: () => T): T => deps.db.transaction(fn)();

export const audit = (deps: CoreDeps, input: AuditInput): number =>
  appendAudit(deps.db, deps.deviceId, deps.clock.now(), input);
