import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, type RunningApp, signIn, startApp } from './harness';
import { chromium } from 'playwright-core';

describe('browser mode keeps the person: sign-out, reload, lock', () => {
  let app: RunningApp;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    app = await startApp();
    app.page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => app?.stop());

  it('after the first administrator signs out, offers sign-in, not the first run again', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Primera puesta en marcha' }).waitFor();
    await page.getByLabel('Nombre').fill('Informática');
    await page.getByLabel('Usuario').fill('it');
    await page.getByLabel('Contraseña', { exact: true }).fill('una-clave-larga');
    await page.getByLabel('Repita la contraseña').fill('una-clave-larga');
    await page.getByRole('button', { name: 'Crear administrador' }).click();
    await page.getByRole('navigation', { name: 'Menú principal' }).waitFor();
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await signIn(page, 'it', 'una-clave-larga');
    await page.getByRole('navigation', { name: 'Menú principal' }).waitFor();
  });

  it('survives a reload (F5) signed in, with no token in the address or in page storage', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('navigation', { name: 'Menú principal' }).waitFor();
    expect(page.url()).toBe(`${app.origin}/`);
    expect(
      await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
    ).toEqual([0, 0, '']);
    // The cookie the launch token became is out of reach of scripts and of other sites.
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('returns to the same screen after unlocking', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Personal' }).click();
    await page.getByRole('heading', { name: 'Personal', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Bloquear' }).click();
    await page.getByRole('heading', { name: 'Sesión bloqueada' }).waitFor();
    await page.getByLabel('Contraseña').fill('una-clave-larga');
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('heading', { name: 'Personal', level: 1 }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('navigation')
          .getByRole('button', { name: 'Personal' })
          .getAttribute('aria-current'),
      )
      .toBe('page');
  });

  it('refuses the launch address in another browser, in its language', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      for (const [locale, text] of [
        ['es-ES', 'Esta dirección no es válida o ya se usó.'],
        ['en-GB', 'This address is not valid or was already used.'],
      ] as const) {
        const other = await browser.newPage({ locale });
        const res = await other.goto(app.url);
        expect(res?.status()).toBe(401);
        await other.getByText(text).waitFor();
        await other.close();
      }
    } finally {
      await browser.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
