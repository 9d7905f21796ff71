import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../core/forms/forms-fixtures';
import { addStaff, ROOT, type RunningApp, signIn, startApp } from './harness';

/** No serious or critical accessibility violations on the current step. */
const expectAccessible = async (page: Page, step: string) => {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${step}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
};

describe('walk-in forms in browser mode (offline: no central configured)', () => {
  let app: RunningApp;
  const shot = async (name: string) => {
    const path = await app.screenshot(`forms-${name}`);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    copyFileSync(path, join(ROOT, 'docs', `forms-${name}.png`));
  };

  beforeAll(async () => {
    app = await startApp({ prepare: (dir) => addStaff(dir, 'clara', 'clerk') });
    await signIn(app.page, 'clara');
    await app.page.getByRole('navigation').getByRole('button', { name: 'Ventanilla' }).click();
    await app.page.getByRole('heading', { name: '¿Qué quiere presentar?' }).waitFor();
  });
  afterAll(async () => app?.stop());

  it('files a street incident with a photo, shows field errors first, and prints the receipt', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Incidencia en la vía pública' }).click();
    await page.getByRole('heading', { name: 'Incidencia en la vía pública' }).waitFor();
    await page.getByRole('radio', { name: 'No empadronado' }).check();
    await page.getByLabel('Nombre y apellidos *').fill('Lucía Pérez Gómez');
    await page.getByLabel('Documento de identidad *').fill('12345678Z');

    // Submitting empty fields: each one says what is wrong, and focus goes to the first.
    await page.getByRole('button', { name: 'Registrar' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Este campo es obligatorio.' }).count(),
    ).resolves.toBe(2);
    await expect(
      page.getByLabel('Tipo de incidencia *').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectAccessible(page, 'errors');
    await shot('1-errors');

    await page.getByLabel('Tipo de incidencia *').selectOption('lighting');
    await page.getByLabel('Lugar *').fill('Calle Real 12');
    await page.getByLabel('Descripción *').fill('La farola lleva una semana apagada.');
    const photo = join(app.dataDir, 'farola.png');
    writeFileSync(photo, tinyPng('e2e'));
    await page.getByLabel('Foto (opcional)').setInputFiles(photo);
    await page.getByText('farola.png').waitFor();
    await page.getByRole('button', { name: 'Registrar' }).click();
    // Without the consent box ticked nothing is filed.
    await page.getByText('Falta el consentimiento expreso').waitFor();
    await page.getByLabel('El interesado da su consentimiento expreso').check();
    await shot('2-filled');
    await page.getByRole('button', { name: 'Registrar' }).click();
    await page.getByRole('heading', { name: 'Registrado' }).waitFor();
    await expect(
      page.getByText(/Número de registro provisional 18111-M01-\d{4}-000001/).count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'filed');
    await shot('3-filed');

    await page.getByRole('button', { name: 'Imprimir justificante' }).click();
    await page.locator('iframe[title^="justificante-18111-M01-"]').waitFor({ state: 'attached' });
  });

  it('lists the entry in the registry book as queued, and reprints it', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Libro de registro' }).click();
    await page.getByRole('heading', { name: 'Libro de registro' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lucía Pérez Gómez' });
    await expect(row.getByText('En cola').count()).resolves.toBe(1);
    await expect(row.getByText('***4567**').count()).resolves.toBe(1);
    await page.getByLabel('Número o interesado').fill('nadie');
    await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('0 asientos').waitFor();
    await page.getByLabel('Número o interesado').fill('000001');
    await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('1 asiento', { exact: true }).waitFor();
    await expectAccessible(page, 'book');
    await shot('4-book');
    await row.getByRole('button', { name: /Reimprimir/ }).click();
    await expect(page.locator('iframe[title^="justificante-"]').count()).resolves.toBeGreaterThan(
      0,
    );
  });
});
