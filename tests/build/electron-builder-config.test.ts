import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder cannot run here (it downloads Electron), so its own loader and schema check
// the config, and the globs are matched against the real tree after `electron-vite build`.
const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

let config: Configuration;
beforeAll(async () => {
  if (!existsSync(join(ROOT, pkg.main))) {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    expect(built.status, 'electron-vite build').toBe(0);
  }
  config = await getConfig(ROOT, null, null);
}, 120_000);

const patterns = (value: unknown): string[] => {
  expect(Array.isArray(value), 'a list of globs').toBe(true);
  return (value as unknown[]).map((p) => {
    expect(typeof p).toBe('string');
    return p as string;
  });
};
const matches = (pattern: string): string[] => globSync(pattern, { cwd: ROOT });

describe('electron-builder config', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and describes it in Spanish', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Ventanilla');
    expect(config.extraMetadata?.description).toMatch(/ayuntamiento/);
    expect(config.linux?.synopsis).toMatch(/Atención/);
    expect(config.linux?.desktop?.entry?.Comment).toMatch(/ayuntamiento/);
  });

  it('builds NSIS (Spanish, per-machine allowed), AppImage and deb', () => {
    const targets = (t: unknown) => (t as { target: string }[]).map((x) => x.target);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.nsis?.oneClick).toBe(false);
    // perMachine false + oneClick false = the installer asks "all users" or "only me".
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.allowElevation).toBe(true);
    expect(config.nsis?.installerLanguages).toEqual(['es_ES']);
    expect(config.nsis?.multiLanguageInstaller).toBe(false);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('never rebuilds native modules and never downloads Electron', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.electronDist).toBe('node_modules/electron/dist');
    expect(config.asar).toBe(true);
  });

  it('runs the fuse hook that exists', async () => {
    expect(config.afterPack).toBe('./build/after-pack.js');
    const hook = (await import('../../build/after-pack')).afterPack;
    expect(typeof hook).toBe('function');
  });

  it('uses icons that exist, rendered from build/icon.svg', () => {
    expect(existsSync(join(ROOT, 'build/icon.svg'))).toBe(true);
    expect(existsSync(join(ROOT, config.win?.icon ?? 'missing'))).toBe(true);
    expect(matches(`${config.linux?.icon ?? 'missing'}/*x*.png`).length).toBeGreaterThanOrEqual(5);
  });

  it('unpacks the SQLite binding, sharp, the OCR core and its trained data, and each path exists', () => {
    const unpack = patterns(config.asarUnpack);
    for (const pattern of unpack) expect(matches(pattern), pattern).not.toHaveLength(0);
    const unpacked = new Set(unpack.flatMap(matches));
    const must = [
      'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node',
      'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node',
      'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm',
      'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js',
      'node_modules/@tesseract.js-data/spa/4.0.0_best_int/spa.traineddata.gz',
      'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
    ];
    for (const file of must) expect(unpacked.has(file), file).toBe(true);
    // Unpacked packages must also be shipped, i.e. be runtime dependencies.
    for (const dep of ['better-sqlite3-multiple-ciphers', 'tesseract.js', 'sharp']) {
      expect(pkg.dependencies[dep], dep).toBeDefined();
    }
  });

  it('ships the built app: every files glob matches, and the entry points are in', () => {
    // electron-builder normalises `files` into one file set: [{ filter: [...] }].
    const sets = config.files as { from?: string; filter: string[] }[];
    expect(sets).toHaveLength(1);
    expect(sets[0]?.from).toBeUndefined();
    const files = patterns(sets[0]?.filter);
    const include = files.filter((p) => !p.startsWith('!'));
    const exclude = files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    for (const pattern of include) expect(matches(pattern), pattern).not.toHaveLength(0);
    for (const pattern of exclude)
      expect(globSync(pattern, { cwd: join(ROOT, 'out') }), pattern).not.toHaveLength(0);
    const excluded = new Set(exclude.flatMap((p) => globSync(p, { cwd: ROOT })));
    const shipped = new Set(include.flatMap(matches).filter((f) => !excluded.has(f)));
    for (const entry of [
      pkg.main,
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(shipped.has(entry), entry).toBe(true);
    }
    expect([...shipped].some((f) => f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
  });
});
