import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, type RunningApp, signIn, startApp } from './harness';

describe('browser mode: sign in, switch language, sign out', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'ana', 'clerk');
        addStaff(dir, 'root', 'admin');
      },
    });
  });
  afterAll(async () => app?.stop());

  it('removes the token from the address bar and keeps nothing in storage', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(page.url()).not.toContain('token=');
    const stored = await page.evaluate(() => [
      localStorage.length,
      sessionStorage.length,
      document.cookie,
    ]);
    expect(stored).toEqual([0, 0, '']);
    expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (window as { process?: unknown }).process)).toBe(
      'undefined',
    );
  });

  it('shows a translated error for a wrong password', async () => {
    await signIn(app.page, 'ana', 'equivocada');
    await app.page
      .getByRole('alert')
      .filter({ hasText: 'Usuario o contraseña incorrectos.' })
      .waitFor();
  });

  it('signs in a clerk created with the CLI and shows the home screen in Spanish', async () => {
    const { page } = app;
    await page.getByLabel('Usuario').fill('');
    await signIn(page, 'ana');
    await page.getByRole('navigation', { name: 'Menú principal' }).waitFor();
    await page.getByRole('button', { name: 'Estado', exact: true }).click();
    await page.getByRole('heading', { name: 'Estado del sistema' }).waitFor();
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Menú principal' }).textContent())
      .toContain('Estado');
    // A clerk sees no admin screens.
    expect(await page.getByRole('button', { name: 'Personal' }).count()).toBe(0);
    await app.screenshot('foundation-home-es');
  });

  it('switches to English and signs out', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('lets an admin add staff and change settings', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Español' }).click();
    await signIn(page, 'root');
    await page.getByRole('button', { name: 'Personal' }).click();
    await page.getByRole('heading', { name: 'Personal', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Dar de alta' });
    await form.getByLabel('Nombre').fill('Luis Pérez');
    await form.getByLabel('Usuario').fill('luis');
    await form.getByRole('combobox', { name: 'Rol' }).selectOption('manager');
    await form.getByLabel('Contraseña').fill('otra-contraseña');
    await form.getByRole('button', { name: 'Dar de alta' }).click();
    await page.getByText('Luis Pérez ya puede iniciar sesión.').waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'luis', exact: true }).count()).toBe(1);
    await app.screenshot('foundation-staff', 'screenshot-staff.png');

    await page.getByRole('button', { name: 'Ajustes' }).click();
    await page.getByLabel('Nombre del ayuntamiento').fill('Ayuntamiento de Jun (pruebas)');
    // Settings has one form per section, each with its own save button: this one's.
    await page.getByRole('button', { name: 'Guardar', exact: true }).first().click();
    await page.getByText('Ajustes guardados.').waitFor();
  });
});
