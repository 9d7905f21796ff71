import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, cli, ROOT, type RunningApp, signIn, startApp } from './harness';

const REGISTER = join(ROOT, 'tests/fixtures/register/padron-utf8.csv');

describe('the manager Privacy screen in browser mode', () => {
  let app: RunningApp;
  const shot = (name: string) => app.screenshot(`privacy-${name}`, `privacy-${name}.png`);

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'marta', 'manager');
        const imported = cli(dir, ['register', 'import', REGISTER]);
        if (imported.status !== 0) throw new Error(`register import failed: ${imported.stderr}`);
      },
    });
  });
  afterAll(async () => app?.stop());

  it('looks a resident up, exports the PDF, and erases with a typed confirmation', async () => {
    const { page } = app;
    await signIn(page, 'marta');
    await page.getByRole('navigation').getByRole('button', { name: 'Privacidad' }).click();
    await page.getByRole('heading', { name: 'Privacidad y derechos de los vecinos' }).waitFor();
    // Found by name, as the Residents screen finds people; the id is shown once picked.
    await page.getByLabel(/Vecino: nombre/).fill('juan carlos diaz ibanez');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('button', { name: 'Juan Carlos Díaz Ibáñez' }).click();
    await page.getByRole('heading', { name: /inscripción R001/ }).waitFor();
    await page.getByText(/Juan Carlos Díaz Ibáñez · 0 verificaciones/).waitFor();
    // What is erased and what is kept is stated before anything is erased.
    await page.getByText(/Ley 39\/2015, art\. 16/).waitFor();
    await page.getByText(/Ley 7\/1985/).waitFor();
    // The retention periods are on this screen too, with their defaults.
    await expect.poll(() => page.getByLabel('Consultas fallidas (días)').inputValue()).toBe('30');
    const axe = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
    await shot('1-resident');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar PDF' }).click(),
    ]);
    const pdf = join(app.dataDir, 'r001.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Vecino R001');

    // A wrong confirmation erases nothing.
    await page.getByLabel('Escriba de nuevo el identificador para confirmar').fill('R002');
    await page.getByRole('button', { name: 'Borrar', exact: true }).click();
    await page.getByText('La confirmación no coincide').waitFor();
    await page.getByLabel('Escriba de nuevo el identificador para confirmar').fill('R001');
    await page.getByRole('button', { name: 'Borrar', exact: true }).click();
    await page.getByText(/Borrado hecho\./).waitFor();
    await shot('2-erased');

    // A manager changes a retention period here; it is read back on the next visit.
    await page.getByLabel('Consultas fallidas (días)').fill('14');
    await page.getByRole('button', { name: 'Guardar plazos' }).click();
    await page.getByText('Plazos guardados.').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Auditoría' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Privacidad' }).click();
    await expect.poll(() => page.getByLabel('Consultas fallidas (días)').inputValue()).toBe('14');
  });
});
