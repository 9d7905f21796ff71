import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, GENERATED_DIR } from '../fixtures/cards/generate';
import { addStaff, ROOT, type RunningApp, signIn, startApp } from './harness';

await ensureFixtures(1);

const importRegister = (dataDir: string) => {
  const run = spawnSync('npx', ['vite-node', 'tests/e2e/verify-fixtures.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`register import failed: ${run.stderr}`);
};

describe('the verification desk reads a card photographed sideways', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'clara', 'clerk');
        importRegister(dir);
      },
    });
    await signIn(app.page, 'clara');
    await app.page.getByRole('heading', { name: 'Verificar una cuenta' }).waitFor();
  });
  afterAll(async () => app?.stop());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app.screenshot('verify-rotated-failed');
  });

  it('finds the resident from a DNI back turned 90° in the pixels, with no EXIF tag', async () => {
    const { page } = app;
    // A phone photo held sideways: the pixels turned, nothing in the file says so.
    const photo = await sharp(readFileSync(join(GENERATED_DIR, 'dni_back-0-clean.png')))
      .rotate(90, { background: '#7f7f7f' })
      .jpeg({ quality: 88 })
      .toBuffer();
    await page.getByTestId('card-file').setInputFiles({
      name: 'foto-girada.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await page.getByRole('heading', { name: 'Revise los datos leídos' }).waitFor();
    await expect.poll(() => page.getByLabel('Número de documento').inputValue()).toBe('74252101M');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '¿Quién es la persona del mostrador?' }).waitFor();
    await expect
      .poll(() => page.locator('.candidate strong').first().textContent())
      .toBe('Juan Carlos Díaz Ibáñez');
  });
});
