import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const lint = async (filePath: string, code: string) => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
};

describe('import boundaries', () => {
  it.each([
    ['src/core/x/y.ts', "import { app } from 'electron';"],
    ['src/core/x/y.ts', "import { app } from 'electron/main';"],
    ['src/core/x/y.ts', "import { f } from '../../main/ipc';"],
    ['src/core/x/y.ts', "import { f } from '../../renderer/src/app';"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/shared/x.ts', "import { app } from 'electron';"],
    ['src/shared/x.ts', "import { f } from '../core/db/open';"],
    ['src/renderer/src/x.tsx', "import { readFileSync } from 'node:fs';"],
    ['src/renderer/src/x.tsx', "import { createCore } from '../../core/app/create-core';"],
    ['src/renderer/src/x.tsx', "import { ipcRenderer } from 'electron';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await lint(file, `${code}\nexport const n = 1;\n`)).not.toEqual([]);
  });

  it.each([
    ['src/core/x/y.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/x/y.ts', "import { z } from 'zod';"],
    ['src/main/x.ts', "import { app } from 'electron';"],
    ['src/renderer/src/x.tsx', "import { contract } from '../../shared/contract';"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, `${code}\nexport const n = 1;\n`)).toEqual([]);
  });
});
