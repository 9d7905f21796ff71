import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
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
  screenshot(name: string): Promise<string>;
  stop(): Promise<void>;
}

const waitForUrl = (child: ChildProcess): Promise<string> =>
  new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
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
  await page.goto(url);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    dataDir,
    url,
    origin: new URL(url).origin,
    browser,
    page,
    screenshot: async (name) => {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    stop: async () => {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
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

/** Signs in through the sign-in form (Spanish labels). */
export const signIn = async (page: Page, username: string, password = PASSWORD) => {
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
};
