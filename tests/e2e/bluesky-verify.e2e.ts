import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, GENERATED_DIR } from '../fixtures/cards/generate';
import { type AtprotoNetwork, startAtprotoNetwork } from '../helpers/atproto-network';
import { addStaff, ROOT, type RunningApp, signIn, startApp } from './harness';

await ensureFixtures(4);

const importRegister = (dataDir: string) => {
  const run = spawnSync('npx', ['vite-node', 'tests/e2e/verify-fixtures.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`register import failed: ${run.stderr}`);
};

describe('a Bluesky verification at the counter, proved by a posted code (real PLC + PDS)', () => {
  let net: AtprotoNetwork;
  let app: RunningApp;

  beforeAll(async () => {
    net = await startAtprotoNetwork();
    // `serve` inherits these: the counter asks the local network, never the public one.
    process.env.VENTANILLA_BLUESKY_RESOLVER = net.pdsUrl;
    process.env.VENTANILLA_BLUESKY_PLC = net.plcUrl;
    app = await startApp({
      prepare: (dir) => {
        addStaff(dir, 'clara', 'clerk');
        importRegister(dir);
      },
    });
    await signIn(app.page, 'clara');
    await app.page.getByRole('heading', { name: 'Verificar una cuenta' }).waitFor();
  });
  afterAll(async () => {
    await app?.stop();
    await net?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await app.screenshot(`bluesky-failed-${ctx.task.name.slice(0, 30)}`);
  });

  it('shows the account to compare, saves it bound to its DID, and finds the code in a post', async () => {
    const { page } = app;
    const juan = await net.createAccount('juan-e2e', { displayName: 'Juan Carlos D.' });
    await page.getByTestId('card-file').setInputFiles(join(GENERATED_DIR, 'dni_back-0-clean.png'));
    await page.getByRole('heading', { name: 'Revise los datos leídos' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Es esta persona.*Juan Carlos Díaz Ibáñez/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Bluesky').check();
    await page.getByLabel('Usuario', { exact: true }).fill('juan-e2e.test');
    // The network's own view of the account, for the clerk to compare with the person.
    const card = page.getByRole('figure', { name: 'Cuenta encontrada: compare con la persona' });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Juan Carlos D.');
    await expect.poll(() => card.textContent()).toContain(juan.did);
    await app.screenshot('bluesky-1-account');

    await page.getByLabel('Código de comprobación').check();
    await page.getByRole('button', { name: /Guardar verificación/ }).click();
    await page.getByRole('heading', { name: 'Pendiente de prueba' }).waitFor();
    const code = (await page.locator('output.code').textContent()) ?? '';
    expect(code).toMatch(/^VNT-\w{3}-\w{3}$/);

    // Before the resident posts, nothing is found; then the resident posts from the account.
    const search = page.getByRole('button', { name: 'Buscar el código en sus publicaciones' });
    await search.click();
    await page.getByText('Aún no hay ninguna publicación con el código.').waitFor();
    await net.post(juan, `Verificándome con el ayuntamiento: ${code}`);
    await search.click();
    await page.getByText('Código encontrado en una publicación: cuenta verificada.').waitFor();
    await page.getByRole('heading', { name: 'Cuenta verificada', exact: true }).waitFor();
    await app.screenshot('bluesky-2-verified');
    expect(app.pageErrors).toEqual([]);
  });
});
