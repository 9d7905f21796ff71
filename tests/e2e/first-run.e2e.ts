import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type RunningApp, startApp } from './harness';

describe('first run in browser mode', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.stop());

  it('asks for the first administrator, then signs them in', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Primera puesta en marcha' }).waitFor();
    await page.getByLabel('Nombre').fill('Informática');
    await page.getByLabel('Usuario').fill('it');
    await page.getByLabel('Contraseña', { exact: true }).fill('una-clave-larga');
    await page.getByLabel('Repita la contraseña').fill('otra-distinta');
    await page.getByRole('button', { name: 'Crear administrador' }).click();
    await page.getByRole('alert').filter({ hasText: 'Las contraseñas no coinciden.' }).waitFor();
    await page.getByLabel('Repita la contraseña').fill('una-clave-larga');
    await page.getByRole('button', { name: 'Crear administrador' }).click();
    await page.getByRole('navigation', { name: 'Menú principal' }).waitFor();
    await app.screenshot('first-run-done');
    const staff = JSON.parse(cli(app.dataDir, ['staff', 'list', '--json']).stdout) as {
      username: string;
      role: string;
    }[];
    expect(staff).toEqual([expect.objectContaining({ username: 'it', role: 'admin' })]);
  });
});
