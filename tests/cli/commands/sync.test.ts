import { describe, expect, it } from 'vitest';
import { opAppliers } from '../../../src/central/op-appliers';
import { openCentralStore } from '../../../src/central/open-store';
import { buildCentral } from '../../../src/central/server';
import { SyncReport, SyncStatus } from '../../../src/shared/contract/sync';
import { runCliCaptured } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';

const run = (dataDir: string, args: string[]) => runCliCaptured(['--data-dir', dataDir, ...args]);

describe('ventanilla central / enroll / sync', () => {
  it('enrols with a one-time code, drains with exit 0, and exits 3 with the queue intact when central is down', async () => {
    const centralDir = tempDir();
    const counterDir = tempDir();
    const code = await run(centralDir, ['central', 'enroll-device', 'Mostrador 1', '--json']);
    expect(code.code).toBe(0);
    const { code: oneTime, expires_at } = JSON.parse(code.out) as {
      code: string;
      expires_at: string;
    };
    expect(Date.parse(expires_at) - Date.now()).toBeGreaterThan(23 * 3_600_000);

    const store = await openCentralStore({ dataDir: centralDir });
    const app = buildCentral({ store, appliers: opAppliers, logLevel: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const enrolled = await run(counterDir, ['enroll', '--central', url, '--code', oneTime]);
      expect(enrolled).toMatchObject({ code: 0 });
      expect(enrolled.out).toContain('Mostrador 1');
      expect((await run(counterDir, ['enroll', '--central', url, '--code', oneTime])).code).toBe(1);

      const synced = await run(counterDir, ['sync', '--json']);
      expect(synced.code).toBe(0);
      const report = SyncReport.parse(JSON.parse(synced.out));
      expect(report.pushed).toBeGreaterThan(0);
      // Ops with no applier at central yet are set aside as rejected, never left blocking.
      expect(report.pending).toBe(0);
    } finally {
      await app.close();
      await store.close();
    }
    const offline = await run(counterDir, ['sync', '--json']);
    expect(offline.code).toBe(3);
    const status = await run(counterDir, ['sync', 'status', '--json']);
    expect(SyncStatus.parse(JSON.parse(status.out))).toMatchObject({
      enrolled: true,
      online: false,
      lastError: 'network',
    });
  }, 180_000);
});
