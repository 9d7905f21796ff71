import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src/core/app/create-core';
import { wireCore } from '../../../src/core/app/wire-core';
import { ErasureReport, PrivacyExport, RetentionRun } from '../../../src/shared/contract/privacy';
import { runCliCaptured } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';
import { asOperator } from '../../helpers/test-core';

const REGISTER = join(import.meta.dirname, '../../fixtures/register/padron-utf8.csv');
const PASSWORD = 'correct horse battery';

const run = (dataDir: string, args: string[], env: Record<string, string | undefined> = {}) =>
  runCliCaptured(['--data-dir', dataDir, ...args], {
    VENTANILLA_LANG: 'es',
    VENTANILLA_PASSWORD: PASSWORD,
    ...env,
  });

afterEach(() => vi.restoreAllMocks());

/** A data directory with the fixture register, a manager and a clerk. */
const setup = async () => {
  const dataDir = tempDir();
  const core = createCore({ dataDir, log: () => undefined });
  await asOperator(core, 'residentsImportFile', {
    bytes: readFileSync(REGISTER),
    fileName: 'padron-utf8.csv',
  });
  for (const [username, role] of [
    ['marta', 'manager'],
    ['clara', 'clerk'],
  ] as const) {
    await asOperator(core, 'staffAdd', {
      username,
      displayName: username,
      role,
      password: PASSWORD,
    });
  }
  core.close();
  return dataDir;
};

describe('ventanilla privacy', () => {
  it('exports a resident as JSON and PDF, as a manager', async () => {
    const dataDir = await setup();
    const json = join(dataDir, 'r001.json');
    const pdf = join(dataDir, 'r001.pdf');
    const out = await run(dataDir, [
      'privacy',
      'export',
      '--resident',
      'R001',
      '--staff',
      'marta',
      '--json',
      json,
      '--pdf',
      pdf,
    ]);
    expect(out.code).toBe(0);
    expect(out.out).toContain(`Escrito ${json}`);
    const data = PrivacyExport.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(data).toMatchObject({ residentId: 'R001', register: { givenNames: 'Juan Carlos' } });
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Vecino R001');
  });

  it('refuses without an output file, a clerk, a wrong password and an unknown resident', async () => {
    const dataDir = await setup();
    const noOutput = await run(dataDir, [
      'privacy',
      'export',
      '--resident',
      'R001',
      '--staff',
      'marta',
    ]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toContain('Indique --json FICHERO o --pdf FICHERO.');
    const file = join(dataDir, 'x.json');
    const clerk = await run(dataDir, [
      'privacy',
      'export',
      '--resident',
      'R001',
      '--staff',
      'clara',
      '--json',
      file,
    ]);
    expect(clerk.code).toBe(1);
    expect(clerk.err).toContain('Su rol no permite esta acción.');
    const wrong = await run(
      dataDir,
      ['privacy', 'erase', '--resident', 'R001', '--staff', 'marta'],
      { VENTANILLA_PASSWORD: 'wrong password here' },
    );
    expect(wrong.code).toBe(1);
    const unknown = await run(dataDir, [
      'privacy',
      'erase',
      '--resident',
      'R999',
      '--staff',
      'marta',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No hay ningún vecino con el identificador R999 en el padrón.');
  });

  it('applies the retention periods on demand, with its audit entry', async () => {
    const dataDir = await setup();
    const text = await run(dataDir, ['privacy', 'retention']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Conservación aplicada \(auditoría n\.º \d+\): 0 imágenes/);
    const json = await run(dataDir, ['privacy', 'retention', '--json']);
    expect(RetentionRun.parse(JSON.parse(json.out)).counts.failedLookups).toBe(0);
  });

  it('erases and states what was erased and what is kept, and why', async () => {
    const dataDir = await setup();
    const text = await run(dataDir, ['privacy', 'erase', '--resident', 'R001', '--staff', 'marta']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Borrado:');
    expect(text.out).toContain('Conservado:');
    expect(text.out).toContain('Ley 7/1985');
    expect(text.out).toContain('Ley 39/2015, art. 16');
    const json = await run(
      dataDir,
      ['privacy', 'erase', '--resident', 'R002', '--staff', 'marta', '--json'],
      { VENTANILLA_LANG: 'en' },
    );
    expect(ErasureReport.parse(JSON.parse(json.out))).toMatchObject({
      residentId: 'R002',
      kept: { registerRow: true },
    });
    // Both erasures are in the audit, by the named manager.
    const core = wireCore({ dataDir, log: () => undefined });
    try {
      const rows = core.deps.db
        .prepare(
          `SELECT actor_name, subject FROM audit_log WHERE action = 'privacy.erased' ORDER BY seq`,
        )
        .all();
      expect(rows).toEqual([
        { actor_name: 'marta', subject: 'resident:R001' },
        { actor_name: 'marta', subject: 'resident:R002' },
      ]);
    } finally {
      core.close();
    }
  });
});
