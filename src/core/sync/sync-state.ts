import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface SyncStateRow {
  readonly central_url: string | null;
  readonly enrolled_at: string | null;
  readonly pull_cursor: number;
  readonly clock_offset_ms: number;
  readonly failures: number;
  readonly last_attempt_at: string | null;
  readonly last_success_at: string | null;
  readonly last_error: string | null;
  readonly next_attempt_at: string | null;
}

export const readSyncState = (db: Database): SyncStateRow =>
  db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as SyncStateRow;

type Patch = Partial<Omit<SyncStateRow, 'enrolled_at' | 'central_url'>> & {
  central_url?: string;
  enrolled_at?: string;
};

export const updateSyncState = (db: Database, patch: Patch): void => {
  const keys = Object.keys(patch) as (keyof Patch)[];
  if (keys.length === 0) return;
  db.prepare(
    `UPDATE sync_state SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = 1`,
  ).run(patch);
};
