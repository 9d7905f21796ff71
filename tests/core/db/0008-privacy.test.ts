import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

describe('migration 0008-privacy', () => {
  it('adds the anonymised/erased markers and the retention and subject indexes', async () => {
    const db = await databaseAt(counterLadder, 8);
    expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 8').get()).toEqual({
      name: 'privacy',
    });
    const columns = (table: string) =>
      db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
    expect(columns('verifications')).toContain('anonymised_at');
    expect(columns('verification_requests')).toContain('anonymised_at');
    expect(columns('verification_conflicts')).toContain('anonymised_at');
    expect(columns('registry_entries')).toContain('erased_at');
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND name IN
         ('verifications_retention', 'registry_entries_party_resident', 'registry_entries_rep_doc')
         ORDER BY name`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'registry_entries_party_resident',
      'registry_entries_rep_doc',
      'verifications_retention',
    ]);
  });
});
