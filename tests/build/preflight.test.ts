import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `npm test`'s first step with a chosen PATH and test database URL. */
const preflight = (path: string, databaseUrl?: string) => {
  const env: Record<string, string> = { PATH: path };
  if (databaseUrl) env.VENTANILLA_TEST_DATABASE_URL = databaseUrl;
  return spawnSync(process.execPath, ['tests/run-all.js'], { cwd: ROOT, env, encoding: 'utf8' });
};

describe('npm test preflight', () => {
  it('on a PATH without the system tools, prints one line with the apt-get command and stops', () => {
    const bin = tempDir();
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = preflight(bin);
    expect(run.status).toBe(3);
    // Nothing else ran: no step banner, no lint, no build.
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'missing pdftotext, pdftoppm, pdfinfo, pdffonts, tesseract, tesseract Spanish data (spa), VENTANILLA_TEST_DATABASE_URL.',
    );
    expect(lines[0]).toContain(
      'apt-get install -y --no-install-recommends poppler-utils tesseract-ocr tesseract-ocr-spa postgresql',
    );
  });

  it('names an unreachable PostgreSQL by host', () => {
    const run = preflight(process.env.PATH ?? '', 'postgres://u:p@127.0.0.1:1/none');
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('missing PostgreSQL at 127.0.0.1:1.');
    expect(run.stderr).not.toContain('pdftotext');
  });
});
