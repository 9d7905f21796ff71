import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
/** `npm run docs:screenshots` sets this: only then do screenshots refresh the README's. */
export const DOCS_SCREENSHOTS_ENV = 'VENTANILLA_DOCS_SCREENSHOTS';
/** Generous on purpose: a loaded 2-core machine is slow, and every wait is on a condition. */
const WAIT_MS = 90_000;
const CLI = join(ROOT, 'bin/ventanilla.js');

/** The flags this machine's closed network needs, or Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs the built `ventanilla` CLI exactly as the IT person would. */
export const cli = (dataDir: string, args: string[], env: Record<string, string> = {}) => {
  const run = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

export interface RunningApp {
  readonly dataDir: string;
  readonly url: string;
  readonly origin: string;
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught errors in the page, in order. */
  readonly pageErrors: string[];
  /** Saves test-artifacts/NAME.png; with `docFile`, also docs/docFile under docs:screenshots. */
  screenshot(name: string, docFile?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Headless Chromium has no print dialog, so every frame's print() is replaced by a counter in
 * the top window: a test sees that printing was reached, and from which document.
 */
const recordPrints = () => {
  const top = window.top as (Window & { __prints?: string[]; __printFails?: boolean }) | null;
  window.print = () => {
    // A test sets __printFails to play a viewer that refuses scripted printing.
    if (top?.__printFails) throw new DOMException('print refused', 'NotAllowedError');
    if (top) top.__prints = [...(top.__prints ?? []), window.location.protocol];
  };
};

/** The documents whose print() was called so far (their URL schemes, e.g. `blob:`). */
export const printCalls = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as Window & { __prints?: string[] }).__prints ?? []);

const waitForUrl = (child: ChildProcess): Promise<string> =>
  new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), WAIT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });

/**
 * Starts `ventanilla serve` on a data directory (a fresh one unless given) and opens the app
 * in Debian Chromium. `prepare` runs CLI commands before the server starts.
 */
export const startApp = async (
  options: { dataDir?: string; prepare?: (dataDir: string) => void; locale?: string } = {},
): Promise<RunningApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ventanilla-e2e-'));
  options.prepare?.(dataDir);
  const server = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(server);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({
    viewport: { width: 1366, height: 860 },
    locale: options.locale ?? 'es-ES',
  });
  page.setDefaultTimeout(WAIT_MS);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(recordPrints);
  await page.goto(url);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    dataDir,
    url,
    origin: new URL(url).origin,
    browser,
    page,
    pageErrors,
    screenshot: async (name, docFile) => {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      if (docFile && process.env[DOCS_SCREENSHOTS_ENV] === '1') {
        copyFileSync(path, join(ROOT, 'docs', docFile));
      }
      return path;
    },
    stop: async () => {
      await browser.close();
      const exited = new Promise<boolean>((r) => {
        if (server.exitCode !== null || server.signalCode !== null) return r(true);
        server.once('exit', () => r(true));
        setTimeout(() => r(false), WAIT_MS).unref();
      });
      server.kill('SIGTERM');
      if (!(await exited)) {
        server.kill('SIGKILL');
        throw new Error('ventanilla serve did not exit on SIGTERM');
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const PASSWORD = 'contraseña-larga';

/** Creates a staff member through the CLI. */
export const addStaff = (
  dataDir: string,
  username: string,
  role: 'clerk' | 'manager' | 'admin',
) => {
  const run = cli(dataDir, ['staff', 'add', username, '--role', role], {
    VENTANILLA_PASSWORD: PASSWORD,
  });
  if (run.status !== 0) throw new Error(`staff add failed: ${run.stderr}`);
};

/** How many audit entries of one action the data directory holds (read with the CLI). */
export const auditCount = (dataDir: string, action: string): number => {
  const run = cli(dataDir, ['audit', 'list', '--json', '--action', action]);
  if (run.status !== 0) throw new Error(`audit list failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { total: number }).total;
};

/** Signs in through the sign-in form (Spanish labels). */
export const signIn = async (page: Page, username: string, password = PASSWORD) => {
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
};
