import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

describe('migration 0003-sync', () => {
  it('creates one sync_state row, versioned entities and parked changes, all STRICT', async () => {
    const db = await databaseAt(counterLadder, 3);
    expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 3').get()).toEqual({
      name: 'sync',
    });
    expect(db.prepare('SELECT id, pull_cursor, failures FROM sync_state').all()).toEqual([
      { id: 1, pull_cursor: 0, failures: 0 },
    ]);
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
    const strict = db
      .prepare(
        `SELECT name FROM pragma_table_list WHERE name IN ('sync_state', 'sync_versions', 'sync_parked_changes') AND strict = 1`,
      )
      .pluck()
      .all();
    expect(strict.sort()).toEqual(['sync_parked_changes', 'sync_state', 'sync_versions']);
    db.prepare(`INSERT INTO sync_versions (type, entity_id, version) VALUES ('t', 'e', 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO sync_versions (type, entity_id, version) VALUES ('t', 'e', 2)`).run(),
    ).toThrow(/UNIQUE|PRIMARY/);
  });
});
