import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';

/**
 * The settings table's one owner: one JSON value per key. The general settings keep a row per
 * field; a feature's configuration is one typed section (one key, one object).
 */
export const settingValue = (db: Database, key: string): unknown => {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
};

export const allSettingValues = (db: Database): Record<string, unknown> =>
  Object.fromEntries(
    (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map(
      (r) => [r.key, JSON.parse(r.value) as unknown],
    ),
  );

export const putSetting = (db: Database, key: string, value: unknown): void => {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
};

export interface SettingsSection<T> {
  /** The stored object over the defaults; a stored value that no longer parses is ignored. */
  read(db: Database): T;
  write(db: Database, value: T): void;
}

/** One key holding one object: read field by field over `defaults`, written whole. */
export const settingsSection = <S extends z.ZodRawShape>(
  key: string,
  schema: z.ZodObject<S>,
  defaults: z.infer<z.ZodObject<S>>,
): SettingsSection<z.infer<z.ZodObject<S>>> => ({
  read: (db) => {
    const value = settingValue(db, key);
    const stored = value === undefined ? undefined : schema.partial().safeParse(value);
    // An invalid stored value falls back to the defaults rather than stopping the feature.
    return { ...defaults, ...(stored?.success ? stored.data : {}) };
  },
  write: (db, value) => putSetting(db, key, value),
});
