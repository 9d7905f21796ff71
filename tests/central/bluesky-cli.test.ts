import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyKey, unseal } from '../../src/central/bluesky/crypto';
import { openCentralStore } from '../../src/central/open-store';
import { type AtprotoNetwork, startAtprotoNetwork } from '../helpers/atproto-network';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

let net: AtprotoNetwork;
beforeAll(async () => {
  net = await startAtprotoNetwork();
});
afterAll(async () => net?.close());

describe('central bluesky-account (real PDS, PGlite in the data folder)', () => {
  it('checks the app password by signing in and stores it sealed, never in the clear', async () => {
    const town = await net.createAccount('town-cli');
    const dir = tempDir();
    const run = (password: string, ...more: string[]) =>
      runCliCaptured(
        [
          '--data-dir',
          dir,
          'central',
          'bluesky-account',
          town.handle,
          '--service',
          net.pdsUrl,
          ...more,
        ],
        { VENTANILLA_LANG: 'en', VENTANILLA_BLUESKY_APP_PASSWORD: password },
      );

    const wrong = await run('not-the-password');
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('Bluesky does not accept that username and app password');

    const done = await run(town.password, '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toEqual({ did: town.did });

    const store = await openCentralStore({ dataDir: dir });
    try {
      const [row] = await store.query<{
        identifier: string;
        secret_ciphertext: string;
        did: string;
      }>('SELECT identifier, secret_ciphertext, did FROM bluesky_account');
      expect(row).toMatchObject({ identifier: town.handle, did: town.did });
      expect(row?.secret_ciphertext).not.toContain(town.password);
      expect(unseal(blueskyKey(dir), row?.secret_ciphertext ?? '')).toBe(town.password);
      const audit = await store.query<{ detail: string }>(
        `SELECT detail::text AS detail FROM central_audit WHERE action = 'bluesky.account_set'`,
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]?.detail).not.toContain(town.password);
    } finally {
      await store.close();
    }
  });
});
