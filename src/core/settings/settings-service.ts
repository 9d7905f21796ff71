import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { Settings } from '../../shared/contract/settings';
import type { TimeFormat } from '../../shared/time-format';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';

export const defaultSettings: Settings = {
  townName: 'Ayuntamiento de Jun',
  ineCode: '18111',
  counterCode: 'M01',
  defaultLanguage: 'es',
  idleLockMinutes: 5,
  timeZone: 'Europe/Madrid',
};

const readRaw = (db: Database): Record<string, unknown> =>
  Object.fromEntries(
    (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map(
      (r) => [r.key, JSON.parse(r.value) as unknown],
    ),
  );

export const readSettings = (db: Database): Settings => {
  const stored = Settings.partial().safeParse(readRaw(db));
  // Unknown or invalid stored values fall back to the defaults rather than blocking sign-in.
  return { ...defaultSettings, ...(stored.success ? stored.data : {}) };
};

/** How this town's times are printed in one language (PDFs, CSV, receipts). */
export const townTimeFormat = (db: Database, language: string): TimeFormat => ({
  language,
  timeZone: readSettings(db).timeZone,
});

const upsert = (db: Database, key: string, value: unknown): void => {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
};

export const updateSettings = (deps: CoreDeps, actor: Actor, patch: Partial<Settings>): Settings =>
  inTransaction(deps, () => {
    const before = readSettings(deps.db);
    const next = Settings.parse({ ...before, ...patch });
    const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => next[k] !== before[k]);
    for (const key of changed) upsert(deps.db, key, next[key]);
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
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'device_id'`).get() as
    { value: string } | undefined;
  if (row) return JSON.parse(row.value) as string;
  const id = uuidv7();
  upsert(db, 'device_id', id);
  return id;
};
