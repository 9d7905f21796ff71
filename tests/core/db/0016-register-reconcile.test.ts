import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

const resident = (id: string) =>
  `INSERT INTO residents (resident_id, document_type, given_names, surname1, birth_date, surnames_key,
     phonetic_surname1, phonetic_given, version, updated_at)
   VALUES ('${id}', 'NONE', 'A', 'B', '1990-01-01', 'B', 'B', 'A', 4, 'x')`;

describe('migration 0016 register reconcile', () => {
  it('marks residents central already sent with its version; locally imported ones stay unmarked', async () => {
    const db = await migrationStep(counterLadder, 16, {
      seed: (old) => {
        old.prepare(resident('FROM-CENTRAL')).run();
        old.prepare(resident('LOCAL')).run();
        old
          .prepare(
            `INSERT INTO sync_versions (type, entity_id, version) VALUES ('register.resident', 'FROM-CENTRAL', 2)`,
          )
          .run();
      },
    });
    expect(
      db.prepare('SELECT resident_id, central_version FROM residents ORDER BY resident_id').all(),
    ).toEqual([
      { resident_id: 'FROM-CENTRAL', central_version: 2 },
      { resident_id: 'LOCAL', central_version: null },
    ]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO register_reconcile (resident_id, outcome, fields, at) VALUES ('X', 'other', '[]', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(
      db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'register_reconcile'`).get(),
    ).toEqual({ strict: 1 });
  });
});
