import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgSchemaUrl } from '../central/central-process';
import { PG_URL } from '../central/harness';
import { ensureFixtures, GENERATED_DIR } from '../fixtures/cards/generate';
import {
  CONSOLE_PASSWORD,
  type CliProcess,
  consoleSignIn,
  consoleSignOut,
  expectAccessible,
  openSection,
  runCli,
  runOnce,
} from './console-harness';
import { addStaff, auditCount, ROOT, type RunningApp, signIn, startApp } from './harness';

await ensureFixtures(4);

/** The README's section on central's web console, as a person reads it. */
const consoleSection = (): string => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf("## Central's web console");
  if (start < 0) throw new Error('the README has no section "Central\'s web console"');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
};

/** Shell words of the README line matching `pattern`: spaces split, double quotes group. */
const command = (text: string, pattern: RegExp): string[] => {
  const line = pattern.exec(text)?.[1];
  if (!line) throw new Error(`the README no longer shows ${String(pattern)}`);
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
};

/** `npx ventanilla …` as the README writes it, through npx; `port` replaces 8443 when given. */
const argsOf = (words: string[]): string[] => {
  expect(words.slice(0, 2)).toEqual(['npx', 'ventanilla']);
  return words.slice(2);
};

const variants = [
  { name: 'pglite', skip: false },
  { name: 'postgres', skip: !PG_URL },
];

describe.each(variants)("the README's console section, run as written ($name)", (variant) => {
  const running: CliProcess[] = [];
  let counter: RunningApp | undefined;
  let dropSchema: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await counter?.stop();
    for (const p of running) await p.stop();
    await dropSchema?.();
  });

  it.skipIf(variant.skip)(
    'serve, staff add, enroll-device; the counter enrols, verifies, syncs; the console finds it; its revocation reaches the counter',
    async () => {
      const text = consoleSection();
      const serve = argsOf(command(text, /^(npx ventanilla central serve)\b/m));
      const staffAdd = command(
        text,
        /^VENTANILLA_PASSWORD='…' (npx ventanilla central staff add \S+ --role it)\b/m,
      );
      const enrollDevice = argsOf(
        command(text, /`(npx ventanilla central enroll-device "[^"]+")`/),
      );
      const enroll = argsOf(command(text, /`(npx ventanilla enroll --central URL --code CODE)`/));
      const sync = argsOf(command(text, /`(npx ventanilla sync)`/));

      const centralEnv: Record<string, string> = {
        VENTANILLA_DATA_DIR: mkdtempSync(join(tmpdir(), 'readme-central-')),
      };
      // PostgreSQL as the README says: VENTANILLA_DATABASE_URL for serve and the commands alike.
      const pgdb = variant.name === 'postgres' ? await pgSchemaUrl() : undefined;
      if (pgdb) {
        centralEnv.VENTANILLA_DATABASE_URL = pgdb.url;
        dropSchema = pgdb.drop;
      }
      const counterDir = mkdtempSync(join(tmpdir(), 'readme-counter-'));
      const counterEnv = { VENTANILLA_DATA_DIR: counterDir };

      const service = runCli([...serve, '--port', '0'], centralEnv, true);
      running.push(service);
      const url = await service.url;
      // The first account, made beside the running service as the README says (then the others).
      const itName = staffAdd[5] ?? '';
      await runOnce(
        argsOf(staffAdd),
        { ...centralEnv, VENTANILLA_PASSWORD: CONSOLE_PASSWORD },
        true,
      );
      for (const [name, role] of [
        ['ana', 'official'],
        ['dora', 'dpo'],
      ] as const)
        await runOnce(['central', 'staff', 'add', name, '--role', role], {
          ...centralEnv,
          VENTANILLA_PASSWORD: CONSOLE_PASSWORD,
        });
      const made = await runOnce(enrollDevice, centralEnv, true);
      const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(made)?.[0] ?? '';
      expect(code).not.toBe('');
      const enrolled = await runOnce(
        enroll.map((w) => (w === 'URL' ? url : w === 'CODE' ? code : w)),
        counterEnv,
        true,
      );
      expect(enrolled).toContain(`Counter enrolled as "Mostrador 1" at ${url}.`);

      // The counter in browser mode: a clerk verifies @JuanCarlos_52 from his DNI.
      addStaff(counterDir, 'clara', 'clerk');
      const imported = spawnSync('npx', ['vite-node', 'tests/e2e/verify-fixtures.ts', counterDir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(imported.status, imported.stderr).toBe(0);
      counter = await startApp({ dataDir: counterDir });
      const desk = counter.page;
      await signIn(desk, 'clara');
      await desk.getByRole('heading', { name: 'Verificar una cuenta' }).waitFor();
      await desk
        .getByTestId('card-file')
        .setInputFiles(join(GENERATED_DIR, 'dni_back-0-clean.png'));
      await desk.getByRole('heading', { name: 'Revise los datos leídos' }).waitFor();
      await desk.keyboard.press('Enter');
      await desk.getByRole('heading', { name: '¿Quién es la persona del mostrador?' }).waitFor();
      await desk.keyboard.press('Enter');
      await desk.getByRole('heading', { name: 'Cuenta de Juan Carlos Díaz Ibáñez' }).waitFor();
      await desk.keyboard.type('@JuanCarlos_52');
      await desk.keyboard.press('Enter');
      await desk.getByRole('heading', { name: 'Cuenta verificada', exact: true }).waitFor();

      // The counter may have sent it on its own already; either way its queue is empty after.
      const sent = await runOnce(sync, counterEnv, true);
      expect(sent).toMatch(
        /^Sent \d+ \(applied \d+, duplicates \d+, rejected 0\), received \d+, pending 0\./m,
      );

      // At central's console, in another tab: IT sees the counter, the official finds the handle.
      const page = await counter.browser.newPage({ locale: 'es-ES' });
      page.setDefaultTimeout(90_000);
      await page.goto(`${url}/console/`);
      await consoleSignIn(page, itName);
      await page
        .getByRole('row')
        .filter({ hasText: 'Mostrador 1' })
        .getByText('En línea')
        .waitFor();
      await consoleSignOut(page);
      await consoleSignIn(page, 'ana');
      await page.getByLabel('Usuario, enlace o DID').fill('@juancarlos_52');
      await page.getByLabel('Red', { exact: true }).selectOption('x');
      await page.getByRole('button', { name: 'Consultar' }).click();
      const found = page.getByRole('row').filter({ hasText: '@juancarlos_52' });
      await found.getByText('Verificada', { exact: true }).waitFor();
      expect(await found.getByRole('cell').nth(4).textContent()).toBe('J*** C*** D*** I***');
      await expectAccessible(page, 'directory found');
      await consoleSignOut(page);

      // The DPO revokes it with a reason; the directory drops it at once.
      await consoleSignIn(page, 'dora');
      await openSection(page, 'Revocaciones', 'Revocaciones');
      await page.getByLabel('Usuario, enlace o DID').fill('https://x.com/JuanCarlos_52');
      await page.getByRole('button', { name: 'Buscar' }).click();
      const record = page.getByRole('row').filter({ hasText: 'Mostrador 1' });
      await record.getByText('Verificada').waitFor();
      await record
        .getByLabel('Motivo de la revocación de @juancarlos_52')
        .fill('La red avisa de que la cuenta ha sido robada');
      await record.getByRole('button', { name: 'Revocar' }).click();
      await page.getByText('Verificación de @juancarlos_52 revocada.').waitFor();
      await record.getByText('Revocada').waitFor();
      await expectAccessible(page, 'revoked');

      // The counter learns on its next sync (its own, or this one) and records the revocation.
      await runOnce(sync, counterEnv, true);
      expect(auditCount(counterDir, 'verification.revoked')).toBe(1);
    },
  );
});
