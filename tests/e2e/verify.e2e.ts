import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, GENERATED_DIR } from '../fixtures/cards/generate';
import { addStaff, ROOT, type RunningApp, signIn, startApp } from './harness';

// A clean clone has no rendered cards yet: render them (deterministically) first.
await ensureFixtures(4);
const CARDS = GENERATED_DIR;

/** Imports the fixture register into the data directory before the server starts. */
const importRegister = (dataDir: string) => {
  const run = spawnSync('npx', ['vite-node', 'tests/e2e/verify-fixtures.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`register import failed: ${run.stderr}`);
};

/** 0 serious or critical violations on the current step. */
const expectAccessible = async (page: Page, step: string) => {
  // Legacy mode runs in the page itself: the harness's page has no context of its own to open more.
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${step}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
};

const scan = async (page: Page, file: string) => {
  await page.getByTestId('card-file').setInputFiles(join(CARDS, file));
  await page.getByRole('heading', { name: 'Revise los datos leídos' }).waitFor();
};

describe('the verification desk in browser mode', () => {
  let app: RunningApp;
  const shot = (name: string, doc?: string) => app.screenshot(`verify-${name}`, doc);

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'clara', 'clerk');
        addStaff(dir, 'marta', 'manager');
        addStaff(dir, 'alba', 'admin');
        importRegister(dir);
      },
    });
    await signIn(app.page, 'clara');
    await app.page.getByRole('heading', { name: 'Verificar una cuenta' }).waitFor();
  });
  afterAll(async () => app?.stop());
  // A failing step leaves its screen behind for whoever reads the report.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await app.screenshot(`verify-failed-${ctx.task.name.slice(0, 30)}`);
  });

  it('completes the happy path from the keyboard alone, in at most 6 actions after the scan', async () => {
    const { page } = app;
    await expectAccessible(page, 'capture');
    await shot('1-capture', 'verify-capture.png');
    await scan(page, 'dni_back-0-clean.png');
    await expectAccessible(page, 'review');
    await shot('2-review', 'verify-review.png');

    let actions = 0;
    const press = async (key: string) => {
      actions += 1;
      await page.keyboard.press(key);
    };
    await press('Enter');
    await page.getByRole('heading', { name: '¿Quién es la persona del mostrador?' }).waitFor();
    await expect
      .poll(() => page.locator('.candidate strong').first().textContent())
      .toBe('Juan Carlos Díaz Ibáñez');
    await expectAccessible(page, 'resident');
    await shot('3-resident', 'verify-resident.png');
    await press('Enter');
    await page.getByRole('heading', { name: 'Cuenta de Juan Carlos Díaz Ibáñez' }).waitFor();
    // Typing the handle is one action: the clerk is entering data, not navigating.
    actions += 1;
    await page.keyboard.type('@JuanCarlos_52');
    await expectAccessible(page, 'handle');
    await shot('4-handle', 'verify-handle.png');
    await press('Enter');
    await page.getByRole('heading', { name: 'Cuenta verificada', exact: true }).waitFor();
    expect(actions).toBeLessThanOrEqual(6);
    await expectAccessible(page, 'done');
    await shot('5-done', 'verify-done.png');
    const today = page.getByRole('complementary', { name: 'Hoy' });
    await expect
      .poll(() => today.locator('.recent strong').first().textContent())
      .toBe('@JuanCarlos_52');
  });

  it('takes the challenge-code path up to pending proof', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await scan(page, 'dni_back-1-clean.png');
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: /Es esta persona.*Sofía de la Fuente Álvarez/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Bluesky').check();
    await page.getByLabel('Usuario', { exact: true }).fill('sofia');
    await page.getByLabel('Código de comprobación').check();
    await page.getByRole('button', { name: /Guardar verificación/ }).click();
    await page.getByRole('heading', { name: 'Pendiente de prueba' }).waitFor();
    await expect.poll(() => page.locator('output.code').textContent()).toMatch(/^VNT-\w{3}-\w{3}$/);
    await expectAccessible(page, 'pending');
    await shot('6-challenge', 'verify-challenge.png');
  });

  it('refuses a handle already verified for someone else and queues it for a manager', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await scan(page, 'dni_back-2-clean.png');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '¿Quién es la persona del mostrador?' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Usuario', { exact: true }).fill('@juancarlos_52');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'ya está verificada para otra persona (J*** C*** D*** I***)' })
      .waitFor();
    await shot('7-conflict', 'verify-conflict.png');
    await expect
      .poll(() =>
        page.getByRole('complementary', { name: 'Hoy' }).getByText('Conflictos en espera').count(),
      )
      .toBe(1);
  });

  it('records a document number that is not in the register', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
    await scan(page, 'passport-0-clean.png');
    await page.keyboard.press('Enter');
    const notFound = page.getByRole('heading', { name: 'No está en el padrón' });
    const candidates = page.getByRole('heading', { name: '¿Quién es la persona del mostrador?' });
    await notFound.or(candidates).waitFor();
    // A namesake may be offered for review; the clerk says it is none of them.
    if (await candidates.isVisible()) await page.keyboard.press('n');
    await notFound.waitFor();
    await expectAccessible(page, 'not-in-register');
    await shot('8-not-in-register', 'verify-not-in-register.png');
  });

  it('refuses an expired document until a manager authorises it', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await scan(page, 'tie_back-0-clean.png');
    // The clerk types what the card says; edits are kept as "corrected by clerk".
    await page.getByLabel('Número de documento').fill('Y1045406R');
    // ISO is accepted as well as dd/mm/aaaa; the screen says it the Spanish way.
    await page.getByLabel('Fecha de caducidad').fill('2020-01-31');
    await page.getByRole('alert').filter({ hasText: 'Documento caducado el 31/01/2020' }).waitFor();
    await page.getByRole('button', { name: /Buscar en el padrón/ }).click();
    await page.getByRole('heading', { name: '¿Quién es la persona del mostrador?' }).waitFor();
    // A "review" candidate is never taken by Enter: the clerk chooses it deliberately.
    await page.getByRole('button', { name: /Es esta persona.*Julien Lefèvre/ }).click();
    await page.getByLabel('Usuario', { exact: true }).fill('julien.lefevre');
    await page.getByLabel('Instagram').check();
    // The desk asks for the manager before the save, not after a refusal.
    await page.getByText('El documento está caducado.').waitFor();
    await page.getByLabel('Usuario del responsable').fill('marta');
    await page.getByLabel('Contraseña').fill('contraseña-larga');
    await page.getByLabel('Motivo').fill('DNI en renovación, resguardo presentado');
    await shot('9-expired', 'verify-expired.png');
    await page.getByRole('button', { name: /Guardar verificación/ }).click();
    await page.getByRole('heading', { name: 'Cuenta verificada con autorización' }).waitFor();
  });

  it('revokes a verification with a reason', async () => {
    const { page } = app;
    const today = page.getByRole('complementary', { name: 'Hoy' });
    await today.getByRole('button', { name: 'Revocar @JuanCarlos_52' }).click();
    // A phone number in the reason is pointed out as it is typed (and stored masked).
    await today.getByLabel('Explicación').fill('Ha perdido el teléfono 612 34 56 78');
    await today.getByText('El motivo contiene un teléfono.', { exact: false }).waitFor();
    await today.getByRole('button', { name: 'Revocar la verificación' }).click();
    await today.getByText('Revocada').first().waitFor();
    await expectAccessible(page, 'revoked');
  });

  it('lets the manager transfer the conflicting handle', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await signIn(page, 'marta');
    await page.getByRole('button', { name: 'Conflictos de cuentas' }).click();
    await page.getByRole('heading', { name: 'Conflictos de cuentas', level: 1 }).waitFor();
    await expectAccessible(page, 'conflicts');
    await shot('10-conflicts', 'verify-conflicts.png');
    await page.getByLabel('Motivo de la decisión').fill('Cuenta revocada; la reclama su titular');
    await page.getByRole('button', { name: 'Transferir la cuenta' }).click();
    await page.getByText('Cuenta @juancarlos_52 transferida.').waitFor();
  });

  it('lets the manager set how long verifications stay valid', async () => {
    const { page } = app;
    const validity = page.getByRole('form', { name: 'Validez de las verificaciones' });
    await expect.poll(() => validity.getByLabel('Meses de validez').inputValue()).toBe('24');
    await validity.getByLabel('Meses de validez').fill('12');
    await validity.getByRole('button', { name: 'Guardar validez' }).click();
    await validity.getByText('Guardado: las nuevas verificaciones valdrán 12 meses.').waitFor();
    await expectAccessible(page, 'validity');
  });

  it('shows admins the Verify screen, and the validity period in Settings', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await signIn(page, 'alba');
    await page.getByRole('button', { name: 'Verificar', exact: true }).click();
    await page.getByRole('heading', { name: 'Verificar una cuenta' }).waitFor();
    await page.getByRole('button', { name: 'Ajustes', exact: true }).click();
    const validity = page.getByRole('form', { name: 'Validez de las verificaciones' });
    await expect.poll(() => validity.getByLabel('Meses de validez').inputValue()).toBe('12');
  });
});
