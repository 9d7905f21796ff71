import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../core/forms/forms-fixtures';
import { startCentral } from './central-process';
import { addStaff, auditCount, printCalls, type RunningApp, signIn, startApp } from './harness';

/** No serious or critical accessibility violations on the current step. */
const expectAccessible = async (page: Page, step: string) => {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${step}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
};

describe('walk-in forms in browser mode: filed offline, then numbered by central', () => {
  let app: RunningApp;
  const shot = (name: string) => app.screenshot(`forms-${name}`, `forms-${name}.png`);

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'clara', 'clerk');
        addStaff(dir, 'ada', 'admin');
      },
    });
    await signIn(app.page, 'clara');
    await app.page.getByRole('navigation').getByRole('button', { name: 'Ventanilla' }).click();
    await app.page.getByRole('heading', { name: '¿Qué quiere presentar?' }).waitFor();
  });
  afterAll(async () => app?.stop());

  it('renders each of the five shipped templates with labelled fields, and the 112 banner', async () => {
    const { page } = app;
    const templates: [string, string][] = [
      ['Instancia general', 'Expone *'],
      ['Incidencia en la vía pública', 'Lugar *'],
      ['Solicitud de cita médica', 'Horario preferido *'],
      ['Aviso a la Policía Local', 'Qué ocurre *'],
      ['Certificado de empadronamiento', 'Para qué lo necesita *'],
    ];
    for (const [title, field] of templates) {
      await page.getByRole('button', { name: title }).click();
      await page.getByRole('heading', { name: title, level: 2 }).waitFor();
      await page.getByLabel(field).waitFor();
      if (title === 'Aviso a la Policía Local') {
        await expect.poll(() => page.getByRole('alert').filter({ hasText: '112' }).count()).toBe(1);
        await expectAccessible(page, 'police');
        await shot('0-police');
      }
      await page.getByRole('button', { name: 'Cancelar' }).click();
      await page.getByRole('heading', { name: '¿Qué quiere presentar?' }).waitFor();
    }
  });

  it('files a street incident with a photo, shows field errors first, and prints the receipt', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Incidencia en la vía pública' }).click();
    await page.getByRole('heading', { name: 'Incidencia en la vía pública' }).waitFor();
    await page.getByRole('radio', { name: 'No empadronado' }).check();
    await page.getByLabel('Nombre y apellidos *').fill('Lucía Pérez Gómez');
    await page.getByLabel('Documento de identidad *').fill('12345678Z');

    // Submitting empty fields: each one says what is wrong, and focus goes to the first.
    await page.getByRole('button', { name: 'Registrar' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Este campo es obligatorio.' }).count())
      .toBe(2);
    await expect
      .poll(() => page.getByLabel('Tipo de incidencia *').getAttribute('aria-invalid'))
      .toBe('true');
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
    await page.getByText(/Número de registro provisional 18111-M01-\d{4}-000001/).waitFor();
    await expectAccessible(page, 'filed');
    await shot('3-filed');

    expect(auditCount(app.dataDir, 'forms.receipt_printed')).toBe(0);
    await page.getByRole('button', { name: 'Imprimir justificante' }).click();
    // The PDF's own frame (a blob: URL, allowed by the CSP) reached print(), and only then
    // was the print recorded.
    await expect.poll(() => printCalls(page)).toEqual(['blob:']);
    await page.locator('iframe[title^="justificante-18111-M01-"]').waitFor({ state: 'attached' });
    await expect.poll(() => auditCount(app.dataDir, 'forms.receipt_printed')).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  it('lists the entry in the registry book as queued, and reprints it', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Libro de registro' }).click();
    await page.getByRole('heading', { name: 'Libro de registro' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lucía Pérez Gómez' });
    await row.getByText('En cola').waitFor();
    await row.getByText('***4567**').waitFor();
    await page.getByLabel('Número o interesado').fill('nadie');
    await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('0 asientos').waitFor();
    await page.getByLabel('Número o interesado').fill('000001');
    await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('1 asiento', { exact: true }).waitFor();
    await expectAccessible(page, 'book');
    await shot('4-book');
    await row.getByRole('button', { name: /Reimprimir/ }).click();
    await expect.poll(() => printCalls(page)).toEqual(['blob:', 'blob:']);
    await expect.poll(() => auditCount(app.dataDir, 'forms.receipt_printed')).toBe(2);

    // A viewer that refuses scripted printing: the PDF opens in a tab to print by hand, and
    // nothing is recorded as printed, since nobody knows whether it was.
    await page.evaluate(() => Object.assign(window, { __printFails: true }));
    const [tab] = await Promise.all([
      page.waitForEvent('popup'),
      row.getByRole('button', { name: /Reimprimir/ }).click(),
    ]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    await page.evaluate(() => Object.assign(window, { __printFails: false }));
    expect(auditCount(app.dataDir, 'forms.receipt_printed')).toBe(2);
    expect(app.pageErrors).toEqual([]);
  });

  it('brings central up, syncs, and shows the official number in the book and on the reprint', async () => {
    const { page } = app;
    const central = await startCentral();
    try {
      // The admin enrols the counter from Settings; a wrong address first gets a clear error.
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await signIn(page, 'ada');
      await page.getByRole('navigation').getByRole('button', { name: 'Ajustes' }).click();
      await page.getByRole('heading', { name: 'Servicio central' }).waitFor();
      const address = page.getByLabel('Dirección del servicio central');
      await address.fill('ayuntamiento-central');
      await page.getByLabel('Código de alta').fill(central.code);
      await page.getByRole('button', { name: 'Dar de alta este mostrador' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'La dirección del servicio central no es válida: ayuntamiento-central' })
        .waitFor();
      await expectAccessible(page, 'enrolment');
      await shot('5-enrolment');
      await address.fill(central.url);
      await page.getByRole('button', { name: 'Dar de alta este mostrador' }).click();
      await page
        .getByText(`Mostrador dado de alta como «Mostrador 1» en ${central.url}.`)
        .waitFor();
      await expectAccessible(page, 'enrolled');
      await page.getByRole('navigation').getByRole('button', { name: 'Cola de envío' }).click();
      await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
      // The report appears once the push and the pull are both done.
      await page.getByText(/^Enviados \d+, aplicados/).waitFor();
      await page.getByRole('navigation').getByRole('button', { name: 'Libro de registro' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Lucía Pérez Gómez' });
      await row.getByText('Número oficial asignado').waitFor();
      await row.getByText(/^18111-RGE-\d{4}-000001$/).waitFor();
      await shot('6-official');
      await row.getByRole('button', { name: /Reimprimir el justificante de 18111-RGE-/ }).click();
      await expect.poll(async () => (await printCalls(page)).length).toBe(3);
      await expect.poll(() => auditCount(app.dataDir, 'forms.receipt_printed')).toBe(3);
    } finally {
      await central.stop();
    }
  });
});
