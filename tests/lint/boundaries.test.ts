import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
// The arrows alone: the cycle rule would walk the whole graph behind each snippet's import.
const arrowsOnly = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { files: ['src/**/*.{ts,tsx}'], rules: { 'import-x/no-cycle': 'off' } },
});

const lint = async (filePath: string, code: string) => {
  const [result] = await arrowsOnly.lintText(`${code}\nexport const n = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
};

// One file per layer, at the path lint sees; each import below is written from there.
const shared = 'src/shared/x.ts';
const core = 'src/core/x/y.ts';
const renderer = 'src/renderer/src/x.tsx';
const main = 'src/main/x.ts';
const preload = 'src/preload/x.ts';
const cli = 'src/cli/commands/x.ts';
const central = 'src/central/x/y.ts';

describe('import boundaries', () => {
  it.each([
    [shared, "import { readFileSync } from 'node:fs';"],
    [shared, "import { app } from 'electron';"],
    [shared, "import { f } from '../core/db/open';"],
    [shared, "import { f } from '../central/server';"],
    [shared, "import { f } from '../cli/program';"],
    [core, "import { app } from 'electron';"],
    [core, "import { app } from 'electron/main';"],
    [core, "import { f } from '../../main/ipc';"],
    [core, "import { f } from '../../renderer/src/app';"],
    [core, "import { f } from '../../preload/facade';"],
    [core, "import { f } from '../../cli/program';"],
    [core, "import { f } from '../../central/server';"],
    [renderer, "import { readFileSync } from 'node:fs';"],
    [renderer, "import { createCore } from '../../core/app/create-core';"],
    [renderer, "import { ipcRenderer } from 'electron';"],
    [renderer, "import { f } from '../../central/server';"],
    [renderer, "import { f } from '../../main/ipc';"],
    [renderer, "import { f } from '../../cli/program';"],
    [main, "import { f } from '../renderer/src/app';"],
    [main, "import { f } from '../cli/program';"],
    [main, "import { f } from '../central/server';"],
    [preload, "import { f } from '../core/app/dispatch';"],
    [preload, "import { f } from '../main/ipc';"],
    [preload, "import { readFileSync } from 'node:fs';"],
    [cli, "import { f } from '../../main/ipc';"],
    [cli, "import { f } from '../../renderer/src/app';"],
    [cli, "import { app } from 'electron';"],
    [central, "import { app } from 'electron';"],
    [central, "import { app } from 'electron/main';"],
    [central, "import { f } from '../../cli/program';"],
    [central, "import { f } from '../../cli/bridge/server';"],
    [central, "import { f } from '../../main/ipc';"],
    [central, "import { f } from '../../renderer/src/app';"],
    [central, "import { createCore } from '../../core/app/create-core';"],
    [central, "import { openDatabase } from '../../core/db/open';"],
    [central, "import Database from 'better-sqlite3-multiple-ciphers';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await lint(file, code)).not.toEqual([]);
  });

  it.each([
    [shared, "import { z } from 'zod';"],
    [core, "import { readFileSync } from 'node:fs';"],
    [core, "import { z } from 'zod';"],
    [core, "import { f } from '../../shared/errors';"],
    [core, "import { f } from '../../shared/contract/central-errors';"],
    [renderer, "import { contract } from '../../shared/contract';"],
    [main, "import { app } from 'electron';"],
    [main, "import { createCore } from '../core/app/create-core';"],
    [preload, "import { contextBridge } from 'electron';"],
    [preload, "import { contract } from '../shared/contract';"],
    [cli, "import { createCore } from '../../core/app/create-core';"],
    [cli, "import { f } from '../../central/central-process';"],
    [cli, "import { readFileSync } from 'node:fs';"],
    [central, "import { f } from '../../shared/errors';"],
    [central, "import { canonicalJson } from '../../core/audit/canonical-json';"],
    [central, "import { readFileSync } from 'node:fs';"],
    [central, "import Fastify from 'fastify';"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('fails an import that leads back to the importing file', async () => {
    // The envelope imports errors.ts; errors.ts importing the envelope would close the loop.
    const code = "import { Envelope } from './contract/envelope';\nexport const x = Envelope;\n";
    const [result] = await eslint.lintText(code, { filePath: 'src/shared/errors.ts' });
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });

  it('passes an import that does not', async () => {
    const code = "import { Envelope } from './contract/envelope';\nexport const x = Envelope;\n";
    const [result] = await eslint.lintText(code, { filePath: 'src/shared/dates.ts' });
    expect(result?.messages.map((m) => m.ruleId)).not.toContain('import-x/no-cycle');
  });
});

describe('handlers', () => {
  const rules = async (code: string) => {
    const [result] = await arrowsOnly.lintText(code, { filePath: 'src/core/x/handlers.ts' });
    return result?.messages.map((m) => m.ruleId) ?? [];
  };

  it('hold no SQL', async () => {
    const code =
      "declare const db: { prepare(s: string): unknown };\nexport const f = () => db.prepare('SELECT 1');\n";
    expect(await rules(code)).toContain('no-restricted-syntax');
  });

  it('may still match a regular expression', async () => {
    expect(await rules('export const f = (s: string) => /a/.exec(s);\n')).toEqual([]);
  });
});
