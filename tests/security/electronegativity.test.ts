import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const GATE = resolve(import.meta.dirname, 'electronegativity.js');

const scan = (files: Record<string, string>) => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'package.json'),
    '{"name":"fixture","devDependencies":{"electron":"45.5.0"}}',
  );
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const run = spawnSync(process.execPath, [GATE, dir], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout };
};

describe('electronegativity gate', () => {
  it('fails on an insecure window and names the findings', () => {
    const { status, out } = scan({
      'main.js': `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });`,
    });
    expect(status).toBe(1);
    expect(out).toMatch(/HIGH \w+ CONTEXT_ISOLATION_JS_CHECK main\.js:2/);
    expect(out).toMatch(/MEDIUM \w+ SANDBOX_JS_CHECK main\.js:2/);
    expect(out).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
  }, 60_000);
});
