import { describe, expect, it } from 'vitest';
import { openCentralStore } from '../../src/central/open-store';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const run = (dataDir: string, args: string[]) => runCliCaptured(['--data-dir', dataDir, ...args]);

describe('ventanilla central request-verification', () => {
  it('records an online request for counters to pull, and refuses a bad network or handle', async () => {
    const dir = tempDir();
    const made = await run(dir, [
      'central',
      'request-verification',
      'R002',
      'X',
      'https://x.com/Sofia_Fuente',
      '--json',
    ]);
    expect(made.code).toBe(0);
    const request = JSON.parse(made.out) as Record<string, unknown>;
    expect(request).toMatchObject({
      resident_id: 'R002',
      network: 'x',
      handle: '@Sofia_Fuente',
      state: 'open',
    });

    const badNetwork = await run(dir, ['central', 'request-verification', 'R002', 'myspace', 'a']);
    expect(badNetwork.code).not.toBe(0);
    expect(badNetwork.err).toContain('x, bluesky, mastodon, instagram');
    const badHandle = await run(dir, ['central', 'request-verification', 'R002', 'x', 'a b']);
    expect(badHandle).toMatchObject({ code: 1 });
    expect(badHandle.err).toContain('@');

    const store = await openCentralStore({ dataDir: dir });
    try {
      const changes = await store.query<{ type: string; entity_id: string; payload: unknown }>(
        `SELECT type, entity_id, payload FROM changes WHERE type = 'verification.request'`,
      );
      expect(changes).toEqual([
        {
          type: 'verification.request',
          entity_id: request.id,
          payload: expect.objectContaining({ residentId: 'R002', handle: '@Sofia_Fuente' }),
        },
      ]);
    } finally {
      await store.close();
    }
  });
});
