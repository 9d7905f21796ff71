import { describe, expect, it } from 'vitest';
import { opAppliers } from '../../../src/central/op-appliers';
import { openCentralStore } from '../../../src/central/open-store';
import { buildCentral } from '../../../src/central/server';
import { SyncReport } from '../../../src/shared/contract/sync';
import { incidencia, tinyPng } from '../../core/forms/forms-fixtures';
import { runCliCaptured } from '../../helpers/run-cli';
import { testCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';

const run = (dataDir: string, args: string[]) => runCliCaptured(['--data-dir', dataDir, ...args]);

describe('ventanilla sync --json and attachment uploads', () => {
  it('counts the files and bytes uploaded to a real central, and what is still to upload', async () => {
    const centralDir = tempDir();
    const counterDir = tempDir();
    const code = await run(centralDir, ['central', 'enroll-device', 'Mostrador 1', '--json']);
    const { code: oneTime } = JSON.parse(code.out) as { code: string };
    const store = await openCentralStore({ dataDir: centralDir });
    const app = buildCentral({ store, appliers: opAppliers, logLevel: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect((await run(counterDir, ['enroll', '--central', url, '--code', oneTime])).code).toBe(0);
      // Two photos filed at the desk, on this counter's own database.
      const t = testCore({ dataDir: counterDir });
      const clerk = await t.signInAs('clerk');
      const files = [tinyPng('uno'), tinyPng('dos-dos')];
      await t.call(
        'formsFile',
        incidencia({
          attachments: files.map((f, i) => ({
            filename: `${i}.png`,
            mediaType: 'image/png' as const,
            dataBase64: f.toString('base64'),
          })),
        }),
        clerk,
      );
      t.core.close();

      const synced = await run(counterDir, ['sync', '--json']);
      expect(synced.code).toBe(0);
      expect(SyncReport.parse(JSON.parse(synced.out))).toMatchObject({
        uploaded: 2,
        uploadedBytes: files[0]!.length + files[1]!.length,
        uploadFailed: 0,
        uploadsWaiting: 0,
      });
      const again = await run(counterDir, ['sync']);
      expect(again.code).toBe(0);
      // Nothing left to upload: the plain report has no uploads line.
      expect(again.out).not.toMatch(/attachment|adjunto/i);
    } finally {
      await app.close();
      await store.close();
    }
  }, 180_000);
});
