import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

describe('migration 0017 privacy central requests', () => {
  it('adds the table of requests sent to central, STRICT, with a closed list of kinds', async () => {
    const db = await migrationStep(counterLadder, 17);
    db.prepare(
      `INSERT INTO privacy_central_requests (id, resident_id, kind, requested_at, requested_by)
       VALUES ('a', 'R001', 'erase', '2026-03-02T09:00:00.000Z', 'marta')`,
    ).run();
    expect(db.prepare('SELECT answered_at, answer FROM privacy_central_requests').get()).toEqual({
      answered_at: null,
      answer: null,
    });
    expect(() =>
      db
        .prepare(
          `INSERT INTO privacy_central_requests (id, resident_id, kind, requested_at, requested_by)
           VALUES ('b', 'R001', 'delete', 'x', 'y')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(
      db
        .prepare(`SELECT strict FROM pragma_table_list WHERE name = 'privacy_central_requests'`)
        .get(),
    ).toEqual({ strict: 1 });
  });
});
