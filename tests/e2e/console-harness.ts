import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS, CHROMIUM_ARGS, DOCS_SCREENSHOTS_ENV, ROOT } from './harness';

export const CONSOLE_PASSWORD = 'contraseña-larga';
const CLI = join(ROOT, 'bin/ventanilla.js');

export interface CliProcess {
  readonly child: ChildProcess;
  output(): string;
  /** The address a `central serve` prints once it listens. */
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * `ventanilla ARGS` (the built CLI, or `npx ventanilla` when `npx` is given) as its own process,
 * in English so its lines can be read. (Not tests/central's helper: that one loads central's
 * sources, and this suite runs the build only.)
 */
export const runCli = (
  args: readonly string[],
  env: Record<string, string>,
  npx = false,
): CliProcess => {
  const [bin, pre] = npx ? ['npx', ['ventanilla']] : [process.execPath, [CLI]];
  const child = spawn(bin, [...pre, ...args], {
    env: { ...process.env, VENTANILLA_LANG: 'en', ...env },
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  let listening: (url: string) => void = () => undefined;
  const url = new Promise<string>((ok) => (listening = ok));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    const m = /Central service at (http:\/\/\S+) \(/.exec(text);
    if (m?.[1]) listening(m[1]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const listened = Promise.race([
    url,
    exited.then((code) => Promise.reject(new Error(`exited ${code} before listening:\n${text}`))),
  ]);
  // A one-shot command never listens: only a caller awaiting `url` sees the rejection.
  listened.catch(() => undefined);
  return {
    child,
    output: () => text,
    url: listened,
    exited,
    stop: async () => {
      // The whole group: `npx` runs the CLI as its child.
      if (child.exitCode === null && child.signalCode === null)
        process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
    },
  };
};

/** A one-shot `ventanilla ARGS`: its output, or a thrown error with it. */
export const runOnce = async (
  args: readonly string[],
  env: Record<string, string>,
  npx = false,
): Promise<string> => {
  const run = runCli(args, env, npx);
  const code = await run.exited;
  if (code !== 0) throw new Error(`ventanilla ${args.join(' ')} exited ${code}: ${run.output()}`);
  return run.output();
};

export interface RunningConsole {
  /** The counters' address of `central serve`, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  readonly dataDir: string;
  readonly service: CliProcess;
  readonly browser: Browser;
  readonly page: Page;
  readonly pageErrors: string[];
  /** `ventanilla central ARGS` beside the running service, as IT runs it; its output. */
  central(args: string[], env?: Record<string, string>): Promise<string>;
  /** Saves test-artifacts/NAME.png; with `docFile`, also docs/docFile under docs:screenshots. */
  screenshot(name: string, docFile?: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `ventanilla central serve` on a fresh data folder (the built CLI, PGlite), and Debian Chromium
 * open at its `/console/`. Accounts are made with `central staff add`, through the running service.
 */
export const startConsole = async (
  accounts: readonly { username: string; role: 'official' | 'it' | 'dpo'; name: string }[],
): Promise<RunningConsole> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-console-'));
  const env = { VENTANILLA_DATA_DIR: dataDir };
  const service = runCli(['central', 'serve', '--port', '0'], env);
  const central = (args: string[], extra: Record<string, string> = {}) =>
    runOnce(['central', ...args], { ...env, ...extra });
  let url: string;
  try {
    url = await service.url;
    for (const a of accounts)
      await central(['staff', 'add', a.username, '--role', a.role, '--display-name', a.name], {
        VENTANILLA_PASSWORD: CONSOLE_PASSWORD,
      });
  } catch (e) {
    // A failed set-up leaves no service behind.
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'es-ES' });
  page.setDefaultTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${url}/console/`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    dataDir,
    service,
    browser,
    page,
    pageErrors,
    central,
    screenshot: async (name, docFile) => {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      if (docFile && process.env[DOCS_SCREENSHOTS_ENV] === '1')
        copyFileSync(path, join(ROOT, 'docs', docFile));
    },
    stop: async () => {
      await browser.close();
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Signs in through the console's form (Spanish labels). */
export const consoleSignIn = async (page: Page, username: string, password = CONSOLE_PASSWORD) => {
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation', { name: 'Secciones de la consola' }).waitFor();
};

export const consoleSignOut = async (page: Page) => {
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.getByRole('heading', { name: 'Acceso a la consola' }).waitFor();
};

/** Opens one section from the console's menu and waits for its heading. */
export const openSection = async (page: Page, menu: string, heading: string) => {
  await page
    .getByRole('navigation', { name: 'Secciones de la consola' })
    .getByRole('button', { name: menu, exact: true })
    .click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
};

/** 0 serious or critical axe violations on the screen as it is. */
export const expectAccessible = async (page: Page, step: string) => {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${step}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
};
