import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, GENERATED_DIR } from '../fixtures/cards/generate';
import type { Person } from '../fixtures/cards/people';
import { rng } from '../fixtures/cards/people';
import { renderCard } from '../fixtures/cards/render';
import { addStaff, cli, ROOT, type RunningApp, signIn, startApp } from './harness';

await ensureFixtures(4);

/** Sofía de la Fuente Álvarez (R002 in the fixture register) with a card that ran out in 2021. */
const EXPIRED_SOFIA: Person = {
  surname1: 'de la Fuente',
  surname2: 'Álvarez',
  given: 'Sofía',
  sex: 'F',
  birth: '2000-06-17',
  expiry: '2021-06-17',
  nationality: 'ESP',
  issuing: 'ESP',
  documentNumber: '75996735C',
  supportNumber: 'BAA000589',
  // A DNI back carries the DNI number in the MRZ's optional data.
  personalNumber: '75996735C',
  passportNumber: null,
  documentType: 'DNI',
};

const MANAGER_PASSWORD = 'contraseña-larga';
const REVIEW = /Revise los datos leídos|Introduzca los datos del documento/;

const importRegister = (dataDir: string) => {
  const run = spawnSync('npx', ['vite-node', 'tests/e2e/verify-fixtures.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`register import failed: ${run.stderr}`);
};

const scan = async (page: Page, path: string) => {
  await page.getByTestId('card-file').setInputFiles(path);
};

const authorise = async (page: Page, reason: string) => {
  await page.getByLabel('Usuario del responsable').fill('marta');
  await page.getByLabel('Contraseña').fill(MANAGER_PASSWORD);
  await page.getByLabel('Motivo').fill(reason);
};

describe('the verification desk when reading fails or disagrees', () => {
  let app: RunningApp;
  let expiredCard: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ventanilla-cards-'));
    expiredCard = join(dir, 'expired-dni-back.png');
    writeFileSync(expiredCard, await renderCard(EXPIRED_SOFIA, 'dni_back', rng(7)));
    // The browser speaks English: the desk must still show its calendar in the UI's language.
    app = await startApp({
      locale: 'en-US',
      prepare: (d) => {
        addStaff(d, 'clara', 'clerk');
        addStaff(d, 'marta', 'manager');
        importRegister(d);
      },
    });
    await signIn(app.page, 'clara');
    await app.page.getByRole('heading', { name: 'Verificar una cuenta' }).waitFor();
  });
  afterAll(async () => app?.stop());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await app.screenshot(`verify-desk-failed-${ctx.task.name.slice(0, 30)}`);
  });

  it('says which MRZ check failed, then lets the clerk type the data; the record says typed', async () => {
    const { page } = app;
    await scan(page, join(GENERATED_DIR, 'neg-broken-check.png'));
    await page
      .getByRole('alert')
      .filter({ hasText: 'El dígito de control de la fecha de nacimiento no cuadra' })
      .waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: /Introducir los datos a mano/ }).click();
    await page.getByRole('heading', { name: 'Introduzca los datos del documento' }).waitFor();
    // What the lines read is the start: the birth date shown as dd/mm/aaaa.
    await expect
      .poll(() => page.getByLabel('Fecha de nacimiento').inputValue())
      .toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.getByLabel('Número de documento').fill('74252101M');
    await page.getByLabel('Nombre', { exact: true }).fill('JUAN CARLOS');
    await page.getByLabel('Primer apellido').fill('DIAZ');
    await page.getByLabel('Segundo apellido').fill('IBANEZ');
    await page.getByLabel('Fecha de nacimiento').fill('03/05/1952');
    await page.getByLabel('Fecha de caducidad').fill('01/05/2031');
    await page.getByRole('button', { name: /Buscar en el padrón/ }).click();
    await page.getByRole('button', { name: /Es esta persona.*Juan Carlos Díaz Ibáñez/ }).click();
    await page.getByLabel('Usuario', { exact: true }).fill('@jc_typed');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cuenta verificada', exact: true }).waitFor();
    const audit = cli(app.dataDir, ['audit', 'list', '--json', '--limit', '50']);
    const entries = (JSON.parse(audit.stdout) as { entries: { action: string; details: string }[] })
      .entries;
    const created = entries.find((e) => e.action === 'verification.created');
    expect(JSON.parse(created?.details ?? '{}')).toMatchObject({ entry: 'typed' });
  });

  it('goes back through the step pills without a new scan, and asks a manager for a mismatch', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await scan(page, join(GENERATED_DIR, 'dni_back-0-clean.png'));
    await page.getByRole('heading', { name: REVIEW }).waitFor({ timeout: 90_000 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '¿Quién es la persona del mostrador?' }).waitFor();
    await page.getByRole('button', { name: 'Volver a Revisión' }).click();
    // The reading is still there; the clerk fixes one field.
    await expect.poll(() => page.getByLabel('Número de documento').inputValue()).toBe('74252101M');
    // A number whose control letter does not fit is refused, and the message goes once it is fixed.
    await page.getByLabel('Número de documento').fill('74252101A');
    await page.getByRole('button', { name: /Buscar en el padrón/ }).click();
    const badLetter = page.getByRole('alert').filter({ hasText: 'La letra de control' });
    await badLetter.waitFor();
    await page.getByLabel('Número de documento').fill('74252101M');
    await expect.poll(() => badLetter.count()).toBe(0);
    await page.getByLabel('Fecha de nacimiento').fill('04/05/1952');
    await page.getByRole('button', { name: /Buscar en el padrón/ }).click();
    await page
      .getByText('No coincide con el padrón: fecha de nacimiento distinta del padrón')
      .first()
      .waitFor();
    await page.getByRole('button', { name: /Es esta persona.*Juan Carlos Díaz Ibáñez/ }).click();
    await page.getByRole('button', { name: 'Volver a Vecino' }).click();
    await page.getByRole('button', { name: /Es esta persona.*Juan Carlos Díaz Ibáñez/ }).click();
    await page.getByLabel('Instagram').check();
    await page.getByLabel('Usuario', { exact: true }).fill('jc.mismatch');
    // Said before the save, not after a refusal.
    await page.getByText(/no coinciden con los del padrón \(fecha de nacimiento/).waitFor();
    await authorise(page, 'Fecha mal impresa; comprobada con el padrón');
    await page.getByRole('button', { name: /Guardar verificación/ }).click();
    await page.getByRole('heading', { name: 'Cuenta verificada con autorización' }).waitFor();
    await page
      .getByText(
        'Estado guardado: Verificada, con autorización de marta (fecha de nacimiento distinta del padrón)',
      )
      .waitFor();
  });

  it('flags an expired DNI back at review, and the done screen and today list say what was saved', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await scan(page, expiredCard);
    await page.getByRole('heading', { name: REVIEW }).waitFor({ timeout: 90_000 });
    await page.getByRole('alert').filter({ hasText: 'Documento caducado el 17/06/2021' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Es esta persona.*Sofía de la Fuente Álvarez/ }).click();
    await page.getByLabel('Usuario', { exact: true }).fill('@sofia_exp');
    await page.getByText('El documento está caducado.').waitFor();
    await authorise(page, 'DNI en renovación, resguardo presentado');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cuenta verificada con autorización' }).waitFor();
    const state = 'Verificada, con autorización de marta (documento caducado)';
    await page.getByText(`Estado guardado: ${state}`).waitFor();
    const today = page.getByRole('complementary', { name: 'Hoy' });
    await today.getByText(state).first().waitFor();
  });

  it('takes dd/mm/aaaa, says a bad date in the UI language, and keeps the calendar in it', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await scan(page, join(GENERATED_DIR, 'dni_back-1-clean.png'));
    await page.getByRole('heading', { name: REVIEW }).waitFor({ timeout: 90_000 });
    // The first field has the focus; the expiry date is five Tab presses away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('doc-document_number');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('doc-expiry_date');
    // From the top of the page, the first field comes after the shell's controls and the pills.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    let presses = 0;
    while (presses < 40) {
      presses += 1;
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'doc-document_number') break;
    }
    expect(presses).toBeLessThanOrEqual(12);
    const expiry = page.getByLabel('Fecha de caducidad');
    await expiry.fill('05/09/2033');
    await expect.poll(() => expiry.getAttribute('aria-invalid')).toBeNull();
    await expiry.fill('31/31/2033');
    await page.getByText('Escriba la fecha como dd/mm/aaaa, p. ej. 05/09/2033.').waitFor();
    await expect.poll(() => expiry.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Write the date as dd/mm/yyyy, e.g. 05/09/2033.').waitFor();
    await expect.poll(() => page.locator('body').textContent()).not.toMatch(/Invalid|pattern/);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByLabel('Fecha de caducidad').fill('05/09/2033');
    await expect.poll(() => page.getByText('Escriba la fecha como dd/mm/aaaa').count()).toBe(0);
    // Alt+↓ opens the calendar: Spanish month names on an English browser.
    await page.getByLabel('Fecha de caducidad').press('Alt+ArrowDown');
    const calendar = page.getByRole('dialog', { name: 'Calendario' });
    await calendar.getByText('septiembre de 2033').waitFor();
    await calendar.getByRole('button', { name: 'Mes siguiente' }).click();
    await calendar.getByRole('button', { name: 'sábado, 1 de octubre de 2033' }).click();
    await expect.poll(() => page.getByLabel('Fecha de caducidad').inputValue()).toBe('01/10/2033');
  });

  it('offers no numeric id for Bluesky, and clears a handle error once the handle is fixed', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Buscar en el padrón/ }).click();
    await page.getByRole('button', { name: /Es esta persona.*Sofía de la Fuente Álvarez/ }).click();
    await expect.poll(() => page.getByLabel(/Identificador numérico/).count()).toBe(1);
    await page.getByLabel('Bluesky').check();
    await expect.poll(() => page.getByLabel(/Identificador numérico/).count()).toBe(0);
    await page.getByRole('radio', { name: /^X/ }).check();
    await page.getByLabel('Usuario', { exact: true }).fill('no vale!!');
    await page.keyboard.press('Enter');
    const bad = page.getByRole('alert').filter({ hasText: 'Un usuario de X es @' });
    await bad.waitFor();
    // The error is kept as an error, not as text: switching language translates it again.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('alert').filter({ hasText: 'An X handle is @' }).waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await bad.waitFor();
    await page.getByLabel('Usuario', { exact: true }).fill('@sofia_ok');
    await expect.poll(() => bad.count()).toBe(0);
  });
});
