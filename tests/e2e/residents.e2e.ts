import { spawnSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, ROOT, type RunningApp, signIn, startApp } from './harness';

/** The fixture register and one saved verification of R001, before the server starts. */
const prepareRegister = (dataDir: string) => {
  const run = spawnSync('npx', ['vite-node', 'tests/e2e/residents-fixtures.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`residents fixtures failed: ${run.stderr}`);
};

describe('the Residents screen in browser mode', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'clara', 'clerk');
        prepareRegister(dir);
      },
    });
    await signIn(app.page, 'clara');
  });
  afterAll(async () => app?.stop());

  it("shows a clerk the selected resident's verification history, and none for another", async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Habitantes' }).click();
    await page.getByRole('heading', { name: 'Habitantes', level: 1 }).waitFor();
    const search = async (query: string) => {
      await page.getByLabel(/Buscar por nombre/).fill(query);
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    };

    await search('Díaz Ibáñez');
    await page.getByRole('button', { name: 'Juan Carlos Díaz Ibáñez' }).click();
    const history = page.getByRole('table', { name: 'Verificaciones' });
    await history.waitFor();
    const rows = await history.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('@JuanCarlos_52');
    expect(rows[1]).toContain('Verificada');
    expect(rows[1]).toContain('***5210**');
    expect(rows[1]).toContain('clara');
    // At the counter PC's 1366 px, the table and the close button stay inside the card.
    const overflow = await page
      .getByRole('region', { name: /Ficha del habitante/ })
      .evaluate((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('table, button')].filter(
          (el) => el.getBoundingClientRect().right > box.right + 0.5,
        ).length;
      });
    expect(overflow).toBe(0);
    const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => v.id)).toEqual([]);
    await app.screenshot('residents-history');

    await search('Lefèvre');
    await page.getByRole('button', { name: 'Julien Lefèvre' }).click();
    await page.getByText('Esta persona no tiene verificaciones.').waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Verificaciones' }).count()).toBe(0);
  });
});
