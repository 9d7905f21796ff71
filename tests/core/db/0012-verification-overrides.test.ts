import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

describe('migration 0012 verification-overrides', () => {
  it('gives older records no override grounds and a read card, and refuses an unknown entry', async () => {
    const db = await migrationStep(counterLadder, 12, {
      seed: (old) =>
        old
          .prepare(
            `INSERT INTO verifications (id, resident_id, network, handle, handle_key, state, proof_method,
               document_type, document_hash, document_masked, clerk_name, started_at, created_at)
             VALUES ('v1', 'R-1', 'x', '@a', 'a', 'verified', 'seen_on_device', 'DNI', 'h', '***4567**', 'c', 't', 't')`,
          )
          .run(),
    });
    expect(db.prepare('SELECT override_grounds, entry FROM verifications').get()).toEqual({
      override_grounds: '[]',
      entry: 'read',
    });
    db.prepare(`UPDATE verifications SET entry = 'typed'`).run();
    expect(() => db.prepare(`UPDATE verifications SET entry = 'guessed'`).run()).toThrow(
      /CHECK constraint/,
    );
  });
});
