import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

describe('migration 0005-audit-checkpoints', () => {
  it('creates the append-only checkpoint table and the subject index', async () => {
    const db = await databaseAt(counterLadder, 5);
    expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 5').get()).toEqual({
      name: 'audit-checkpoints',
    });
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('audit_checkpoint_size', 'audit_log_subject') ORDER BY name`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['audit_checkpoint_size', 'audit_log_subject']);
    const insert = db.prepare(
      `INSERT INTO audit_checkpoint (device, size, head_hash, at, signature) VALUES ('d', ?, 'h', '2026-01-01', 's')`,
    );
    expect(() => insert.run(0)).toThrow(/CHECK/);
    expect(() => insert.run('ten')).toThrow(/cannot store TEXT value in INTEGER column/);
    insert.run(3);
    expect(() => db.prepare('UPDATE audit_checkpoint SET size = 4').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_checkpoint').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT size FROM audit_checkpoint').pluck().all()).toEqual([3]);
  });
});
