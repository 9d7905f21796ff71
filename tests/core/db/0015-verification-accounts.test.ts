import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

describe('migration 0015 verification-accounts', () => {
  it('leaves older records unlooked-up with no misses, and refuses an unknown lookup state', async () => {
    const db = await migrationStep(counterLadder, 15, {
      seed: (old) =>
        old
          .prepare(
            `INSERT INTO verifications (id, resident_id, network, handle, handle_key, state, proof_method,
               document_type, document_hash, document_masked, clerk_name, started_at, created_at)
             VALUES ('v1', 'R-1', 'bluesky', '@a.bsky.social', 'a.bsky.social', 'verified',
               'seen_on_device', 'DNI', 'h', '***4567**', 'c', 't', 't')`,
          )
          .run(),
    });
    expect(
      db
        .prepare('SELECT account_display_name, account_lookup, proof_misses FROM verifications')
        .get(),
    ).toEqual({ account_display_name: null, account_lookup: null, proof_misses: 0 });
    db.prepare(`UPDATE verifications SET account_lookup = 'pending'`).run();
    expect(() => db.prepare(`UPDATE verifications SET account_lookup = 'maybe'`).run()).toThrow(
      /CHECK constraint/,
    );
  });
});
