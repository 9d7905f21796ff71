import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidencia, tinyPng } from '../core/forms/forms-fixtures';
import { startCentral } from './central-process';
import { addStaff, auditCount, cli, PASSWORD, type RunningApp, signIn, startApp } from './harness';

describe('the queue screen shows attachment uploads, a refused one with its reason', () => {
  let app: RunningApp;
  let central: Awaited<ReturnType<typeof startCentral>>;

  beforeAll(async () => {
    central = await startCentral();
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'marta', 'manager');
        // One filing with a photo, by the CLI; then its stored file is damaged on disk.
        const work = mkdtempSync(join(tmpdir(), 'ventanilla-filing-'));
        writeFileSync(join(work, 'farola.png'), tinyPng('queue'));
        // The data file names its photo by path; the template comes on the command line.
        writeFileSync(
          join(work, 'data.json'),
          JSON.stringify({ ...incidencia(), attachments: [{ file: 'farola.png' }] }),
        );
        const filed = cli(
          dir,
          [
            'forms',
            'file',
            '--template',
            'incidencia-via-publica',
            '--data',
            join(work, 'data.json'),
            '--staff',
            'marta',
          ],
          { VENTANILLA_PASSWORD: PASSWORD },
        );
        if (filed.status !== 0) throw new Error(`forms file failed: ${filed.stderr}`);
        const stored = join(dir, 'attachments');
        for (const name of readdirSync(stored)) writeFileSync(join(stored, name), 'damaged');
        central.enrol(dir);
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await central?.stop();
  });

  it('lists the refused upload with its reason; retry sends it again, discard stops it', async () => {
    const { page } = app;
    await signIn(page, 'marta');
    await page.getByRole('navigation').getByRole('button', { name: 'Cola de envío' }).click();
    await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
    // The background loop may have tried first: either way one file is still owed to central.
    await page.getByText(/Adjuntos subidos 0 \(0 kB\), rechazados [01], por subir 1\./).waitFor();
    await page.getByRole('tab', { name: 'Adjuntos rechazados (1)' }).click();
    const row = page.getByRole('row').filter({ hasText: 'farola.png' });
    await row.getByText(/^18111-RGE-\d{4}-000001$/).waitFor();
    await row.getByText(/está dañado y no se puede abrir/).waitFor();
    const axe = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
    await app.screenshot('queue-upload-refused');

    await row.getByRole('button', { name: 'Reintentar' }).click();
    await page.getByRole('tab', { name: 'Adjuntos por subir (1)' }).click();
    await page.getByRole('row').filter({ hasText: 'farola.png' }).waitFor();
    // Still damaged: refused again on the next run, and back on the refused tab.
    await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
    await page.getByText(/rechazados [01], por subir 1\./).waitFor();
    await page.getByRole('tab', { name: 'Adjuntos rechazados (1)' }).click();
    await row.getByRole('button', { name: 'Descartar' }).click();
    await page.getByLabel(/Motivo \(queda en la auditoría/).fill('Foto dañada en el disco');
    await page.getByRole('button', { name: 'Descartar definitivamente' }).click();
    await page.getByRole('tab', { name: 'Adjuntos rechazados (0)' }).waitFor();
    await page.getByText('No hay elementos.').waitFor();
    await expect.poll(() => auditCount(app.dataDir, 'sync.upload_retried')).toBe(1);
    await expect.poll(() => auditCount(app.dataDir, 'sync.upload_discarded')).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
