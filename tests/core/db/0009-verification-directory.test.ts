import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

describe('migration 0009 verification-directory', () => {
  it('adds the masked name for central, empty on records made before it', async () => {
    const db = await migrationStep(counterLadder, 9, {
      seed: (old) =>
        old
          .prepare(
            `INSERT INTO verifications (id, resident_id, network, handle, handle_key, state, proof_method,
               document_type, document_hash, document_masked, clerk_name, started_at, created_at)
             VALUES ('v1', 'R-1', 'x', '@a', 'a', 'verified', 'seen_on_device', 'DNI', 'h', '***4567**', 'c', 't', 't')`,
          )
          .run(),
    });
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 9').get()).toEqual({
      version: 9,
    });
    expect(db.prepare('SELECT resident_masked_name FROM verifications').get()).toEqual({
      resident_masked_name: null,
    });
    db.prepare(`UPDATE verifications SET resident_masked_name = 'A*** G***'`).run();
    expect(db.prepare('SELECT resident_masked_name FROM verifications').pluck().get()).toBe(
      'A*** G***',
    );
  });
});
