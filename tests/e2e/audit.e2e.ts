import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, auditCount, printCalls, type RunningApp, signIn, startApp } from './harness';

describe('the manager audit screen in browser mode', () => {
  let app: RunningApp;
  const shot = (name: string) => app.screenshot(`audit-${name}`, `audit-${name}.png`);

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'marta', 'manager');
        addStaff(dir, 'ana', 'clerk');
        addStaff(dir, 'luis', 'clerk');
      },
    });
  });
  afterAll(async () => app?.stop());

  it('filters by a clerk, exports the PDF, and the PDF says what was asked for', async () => {
    const { page } = app;
    // Ana and Luis each sign in and out once: the log has entries by both.
    for (const clerk of ['ana', 'luis']) {
      await signIn(page, clerk);
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    }
    await signIn(page, 'marta');
    await page.getByRole('navigation').getByRole('button', { name: 'Auditoría' }).click();
    await page.getByRole('heading', { name: 'Registro de auditoría' }).waitFor();
    await page.getByRole('table', { name: /Entradas del registro/ }).waitFor();
    await shot('1-log');

    await page.getByLabel('Personal').selectOption('ana');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await page.getByText('2 entradas').waitFor();
    const cells = await page.getByRole('table').getByRole('row').allInnerTexts();
    expect(cells.slice(1).every((row) => row.includes('ana'))).toBe(true);
    expect(cells.some((row) => row.includes('luis'))).toBe(false);

    await page.getByRole('row').filter({ hasText: 'Inicio de sesión' }).first().click();
    await page.getByRole('dialog').getByText('Entrada').waitFor();
    await page.getByRole('button', { name: 'Verificar la cadena' }).click();
    await page.getByText(/Registro íntegro/).waitFor();
    await shot('2-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar PDF' }).click(),
    ]);
    const pdf = join(app.dataDir, 'audit.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Filtros: personal ana');
    expect(text).toContain('Entradas en este documento: 2');
    expect(text).toContain('el registro está íntegro');
    expect(text).toMatch(/Página 1 de \d+/);
    // The export itself is now in the log, by the manager.
    await page.getByLabel('Acción').selectOption('audit.exported');
    await page.getByLabel('Personal').selectOption('');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await page.getByText('1 entrada', { exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('table').getByRole('row').nth(1).innerText())
      .toContain('marta');

    // Printing: the PDF's own frame reaches print(), and only then is the print recorded.
    expect(auditCount(app.dataDir, 'audit.printed')).toBe(0);
    await page.getByRole('button', { name: 'Imprimir', exact: true }).click();
    await expect.poll(() => printCalls(page)).toEqual(['blob:']);
    await expect.poll(() => auditCount(app.dataDir, 'audit.printed')).toBe(1);
    expect(app.pageErrors).toEqual([]);

    // The manager's figures for the same period.
    await page.getByRole('button', { name: 'Ver estadísticas' }).click();
    await page.getByRole('heading', { name: 'Estadísticas' }).waitFor();
    await page.getByText('Pruebas pendientes: 0').waitFor();
    await shot('3-stats');
  });
});
