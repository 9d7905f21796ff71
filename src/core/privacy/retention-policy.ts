import type { Database } from 'better-sqlite3-multiple-ciphers';
import { RetentionPolicy } from '../../shared/contract/privacy';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { readFormsConfig, updateFormsConfig } from '../forms/config';
import { settingsSection } from '../settings/store';

type OwnPeriods = Omit<RetentionPolicy, 'attachmentDays'>;

/** The defaults the README states for the data-protection officer. */
export const defaultRetention: OwnPeriods = {
  scannerImageMinutes: 10,
  failedLookupDays: 30,
  verificationMonths: 12,
};

const OwnPeriods = RetentionPolicy.omit({ attachmentDays: true });
const ownPeriods = settingsSection('retention_policy', OwnPeriods, defaultRetention);

export const readRetentionPolicy = (db: Database): RetentionPolicy => {
  // An invalid stored value falls back to the defaults: retention never stops on a bad setting.
  return {
    ...ownPeriods.read(db),
    attachmentDays: readFormsConfig(db).attachmentRetentionDays,
  };
};

/** Attachments stay in the forms configuration (one place for that period); the rest lives here. */
export const updateRetentionPolicy = (
  deps: CoreDeps,
  actor: Actor,
  patch: Partial<RetentionPolicy>,
): RetentionPolicy =>
  inTransaction(deps, () => {
    const before = readRetentionPolicy(deps.db);
    const next = RetentionPolicy.parse({ ...before, ...patch });
    if (next.attachmentDays !== before.attachmentDays) {
      updateFormsConfig(deps, actor, { attachmentRetentionDays: next.attachmentDays });
    }
    const own = (Object.keys(defaultRetention) as (keyof OwnPeriods)[]).filter(
      (k) => next[k] !== before[k],
    );
    if (own.length > 0) {
      ownPeriods.write(deps.db, OwnPeriods.parse(next));
      audit(deps, {
        actor,
        action: 'privacy.retention_changed',
        details: Object.fromEntries(own.map((k) => [k, { from: before[k], to: next[k] }])),
      });
    }
    return next;
  });

/** `at` minus whole calendar months, in UTC. */
export const monthsBefore = (at: Date, months: number): Date => {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};
