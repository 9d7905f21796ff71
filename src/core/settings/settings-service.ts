import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { Settings } from '../../shared/contract/settings';
import type { TimeFormat } from '../../shared/time-format';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { allSettingValues, putSetting, settingValue } from './store';

export const defaultSettings: Settings = {
  townName: 'Ayuntamiento de Jun',
  ineCode: '18111',
  counterCode: 'M01',
  defaultLanguage: 'es',
  idleLockMinutes: 5,
  timeZone: 'Europe/Madrid',
};

export const readSettings = (db: Database): Settings => {
  const stored = Settings.partial().safeParse(allSettingValues(db));
  // Unknown or invalid stored values fall back to the defaults rather than blocking sign-in.
  return { ...defaultSettings, ...(stored.success ? stored.data : {}) };
};

/** How this town's times are printed in one language (PDFs, CSV, receipts). */
export const townTimeFormat = (db: Database, language: string): TimeFormat => ({
  language,
  timeZone: readSettings(db).timeZone,
});

export const updateSettings = (deps: CoreDeps, actor: Actor, patch: Partial<Settings>): Settings =>
  inTransaction(deps, () => {
    const before = readSettings(deps.db);
    const next = Settings.parse({ ...before, ...patch });
    const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => next[k] !== before[k]);
    for (const key of changed) putSetting(deps.db, key, next[key]);
    if (changed.length > 0) {
      audit(deps, {
        actor,
        action: 'settings.changed',
        details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
      });
    }
    return next;
  });

/** A stable id for this counter's database, created once. */
export const ensureDeviceId = (db: Database): string => {
  const stored = settingValue(db, 'device_id');
  if (typeof stored === 'string') return stored;
  const id = uuidv7();
  putSetting(db, 'device_id', id);
  return id;
};
