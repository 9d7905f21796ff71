import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, cli, PASSWORD, ROOT, type RunningApp, signIn, startApp } from './harness';

const FIXTURE = join(ROOT, 'tests/fixtures/register/padron-utf8.csv');
const lines = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
const EXTRA = [
  'R040,DNI,12345678Z,José Antonio,García,López,1971-04-04,M,ESP,"C/ Mayor, 40",01',
  'R041,,,María Teresa,Núñez,Peña,1980-08-08,F,ESP,"C/ Mayor, 41",01',
];
const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorffvoral';

const csv = (rows: string[]) => `${rows.join('\r\n')}\r\n`;

/** The Residents and Privacy screens, the audit in words and re-import safety, as used. */
describe('the desk as a clerk and a manager use it', () => {
  let app: RunningApp;
  let page: Page;

  const nav = (name: string) =>
    page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  const searchResidents = async (query: string, label: RegExp = /Buscar por nombre/) => {
    await page.getByLabel(label).fill(query);
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  };
  const signOut = () => page.getByRole('button', { name: 'Cerrar sesión' }).click();

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'clara', 'clerk');
        addStaff(dir, 'marta', 'manager');
        const register = join(dir, 'padron.csv');
        writeFileSync(register, csv([...lines, ...EXTRA]));
        const imported = cli(dir, ['register', 'import', register]);
        if (imported.status !== 0) throw new Error(`register import failed: ${imported.stderr}`);
        const entry = join(dir, 'entry.json');
        writeFileSync(
          entry,
          JSON.stringify({
            data: { type: 'lighting', location: 'Calle Real 12', description: 'Farola apagada' },
            party: { kind: 'non_resident', name: LONG_NAME, document: '12345678Z' },
            consent: true,
          }),
        );
        const filed = cli(
          dir,
          [
            'forms',
            'file',
            '--template',
            'incidencia-via-publica',
            '--data',
            entry,
            '--staff',
            'clara',
          ],
          { VENTANILLA_PASSWORD: PASSWORD },
        );
        if (filed.status !== 0) throw new Error(`forms file failed: ${filed.stderr}`);
      },
    });
    page = app.page;
  });
  afterAll(async () => app?.stop());

  it('a clerk finds residents by whole compound names, parts of names and ids, and sees the id', async () => {
    await signIn(page, 'clara');
    await nav('Habitantes');
    await searchResidents('José Antonio García López');
    const first = page.getByRole('table').getByRole('row').nth(1);
    await expect.poll(() => first.innerText()).toContain('José Antonio García López');
    await page.getByRole('button', { name: 'José Antonio García López' }).click();
    const card = page.getByRole('region', { name: /Ficha del habitante/ });
    await expect.poll(() => card.innerText()).toMatch(/Inscripción\s+R040/);

    await searchResidents('maria teresa');
    await page.getByRole('button', { name: 'María Teresa Núñez Peña' }).waitFor();
    await searchResidents('R040');
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    await searchResidents('Jose');
    await page.getByRole('button', { name: 'José Sánchez Ruiz' }).first().waitFor();

    // The registry book keeps a 40-letter name inside the 1,366 px screen.
    await nav('Libro de registro');
    await page.getByText(LONG_NAME).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1366);
    await signOut();
  });

  it('a manager looks a resident up by name on the Privacy screen, audited as a lookup', async () => {
    await signIn(page, 'marta');
    await nav('Privacidad');
    await searchResidents('juan carlos diaz ibanez', /Vecino: nombre/);
    await page.getByRole('button', { name: 'Juan Carlos Díaz Ibáñez' }).click();
    await page.getByRole('heading', { name: /inscripción R001/ }).waitFor();
    await page
      .getByText(/0 verificaciones · 0 asientos · 0 consultas fallidas · 1 entrada de auditoría/)
      .waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('the audit reads in words: actions, roles, details, local times; subject search; clearing filters', async () => {
    await nav('Auditoría');
    await page.getByRole('table', { name: /Entradas del registro/ }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    const shown = async () => (await rows.allInnerTexts()).join('\n');
    await expect.poll(shown).toContain('Consulta de datos de un vecino');
    const text = await shown();
    expect(text).not.toMatch(/privacy\.|auth\.sign_in|\{"/);
    expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/);
    expect(text).toContain('Inicio de sesión');
    expect(text).toContain('Ha consultado en pantalla lo que se conserva del vecino.');

    // The action list is in words; a resident's name finds the entries about them.
    await page.getByLabel('Acción').selectOption({ label: 'Consulta de datos de un vecino' });
    await page.getByLabel('Asunto').fill('Juan Carlos Díaz Ibáñez');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await page.getByText('1 entrada', { exact: true }).waitFor();
    await expect.poll(() => rows.nth(1).innerText()).toContain('Vecino R001');
    await page.getByLabel('Personal').selectOption('marta');
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await expect.poll(() => page.getByLabel('Acción').inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Personal').inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Asunto').inputValue()).toBe('');

    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar PDF' }).click(),
    ]);
    const pdf = join(app.dataDir, 'audit.pdf');
    await pdfDownload.saveAs(pdf);
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(printed).toContain('Consulta de datos de un vecino');
    expect(printed).toMatch(
      /Impreso por marta \(Responsable\) el \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(UTC\+0[12]:00\)/,
    );
    expect(printed).toContain('(Personal de');
    expect(printed).not.toMatch(/privacy\.looked_up|\(manager\)|\(clerk\)|\d{4}-\d\d-\d\dT/);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    const csvFile = join(app.dataDir, 'audit.csv');
    await csvDownload.saveAs(csvFile);
    const body = readFileSync(csvFile, 'utf8');
    expect(body).toContain('Código de acción');
    expect(body).toContain(';Consulta de datos de un vecino;');
    expect(body).toContain(';privacy.looked_up;');
  });

  it('a re-import keeps residents whose rows were rejected, names who goes, and guards mass deregistration', async () => {
    await nav('Habitantes');
    const upload = async (name: string, text: string) => {
      const file = join(app.dataDir, name);
      writeFileSync(file, text);
      await page.getByLabel('Archivo CSV').setInputFiles(file);
      await page.getByRole('button', { name: 'Comprobar el archivo' }).click();
      await page.getByRole('heading', { name: 'Informe de la comprobación' }).waitFor();
    };
    // Five rows broken, R030 really gone.
    const broken = ['R003,', 'R007,', 'R011,', 'R019,', 'R025,'];
    const next = [...lines, ...EXTRA]
      .filter((l) => !l.startsWith('R030,'))
      .map((l) =>
        broken.some((b) => l.startsWith(b)) ? l.replace(/\d{4}-\d\d-\d\d/, '31/02/1990') : l,
      );
    await upload('broken.csv', csv(next));
    await page
      .getByText(
        /aún no se ha importado nada\) — nuevos: 0, actualizados: 0, sin cambios: 35, rechazados: 5, bajas: 1\./,
      )
      .waitFor();
    const leaving = page.getByTestId('import-leaving');
    await expect.poll(() => leaving.innerText()).toContain('Yolanda Llorente Bravo');
    await expect.poll(() => leaving.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Importar ahora' }).click();
    await page.getByText('Padrón importado — nuevos: 0, actualizados: 0, bajas: 1.').waitFor();

    // A two-row file would empty the register: named, and only with explicit consent.
    await upload('tiny.csv', csv(lines.slice(0, 3)));
    await page
      .getByRole('alert')
      .filter({ hasText: /más del 5 % del padrón/ })
      .waitFor();
    await expect.poll(() => leaving.getByRole('row').count()).toBeGreaterThan(30);
    const commit = page.getByRole('button', { name: 'Importar ahora' });
    expect(await commit.isDisabled()).toBe(true);
    await page.getByLabel(/confirmo estas \d+ bajas/).check();
    expect(await commit.isDisabled()).toBe(false);
    await commit.click();
    await page.getByText(/Padrón importado — nuevos: 0, actualizados: \d+, bajas: \d+\./).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
