import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral } from './central-process';
import { addStaff, auditCount, cli, ROOT, type RunningApp, signIn, startApp } from './harness';

const REGISTER = join(ROOT, 'tests/fixtures/register/padron-utf8.csv');

describe("the Privacy screen asks central for its part and shows central's answer", () => {
  let app: RunningApp;
  let central: Awaited<ReturnType<typeof startCentral>>;

  beforeAll(async () => {
    central = await startCentral();
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'marta', 'manager');
        const imported = cli(dir, ['register', 'import', REGISTER]);
        if (imported.status !== 0) throw new Error(`register import failed: ${imported.stderr}`);
        central.enrol(dir);
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await central?.stop();
  });

  it('sends the export request through sync and lists what central holds', async () => {
    const { page } = app;
    await signIn(page, 'marta');
    await page.getByRole('navigation').getByRole('button', { name: 'Privacidad' }).click();
    await page.getByLabel(/Vecino: nombre/).fill('juan carlos diaz ibanez');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('button', { name: 'Juan Carlos Díaz Ibáñez' }).click();
    await page.getByRole('heading', { name: 'En el servicio central' }).waitFor();
    await page.getByText('Aún no se ha pedido nada al servicio central').waitFor();
    await page.getByRole('button', { name: 'Pedir su exportación al servicio central' }).click();
    await page.getByText('Pendiente de respuesta').waitFor();
    // A mistyped confirmation asks nothing.
    await page.getByLabel(/Escriba de nuevo la inscripción R001/).fill('R01');
    await page.getByRole('button', { name: 'Pedir el borrado en el servicio central' }).click();
    await page.getByRole('alert').waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Cola de envío' }).click();
    await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
    await page.getByText(/^Enviados \d+, aplicados/).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Privacidad' }).click();
    await page.getByLabel(/Vecino: nombre/).fill('juan carlos diaz ibanez');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('button', { name: 'Juan Carlos Díaz Ibáñez' }).click();
    // This central never received the padrón nor a verification of R001: it says so.
    await page.getByText('El servicio central no tenía ningún dato de este vecino.').waitFor();
    await app.screenshot('privacy-central');
    expect(auditCount(app.dataDir, 'privacy.central_requested')).toBe(1);
    await expect.poll(() => auditCount(app.dataDir, 'privacy.central_answered')).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
