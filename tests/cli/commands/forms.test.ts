import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src/core/app/create-core';
import { wireCore } from '../../../src/core/app/wire-core';
import { FiledEntry, FormTemplate } from '../../../src/shared/contract/forms';
import { runCliCaptured } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';
import { asOperator } from '../../helpers/test-core';
import { tinyPng } from '../../core/forms/forms-fixtures';

const run = (dataDir: string, args: string[], env: Record<string, string | undefined> = {}) =>
  runCliCaptured(['--data-dir', dataDir, ...args], { VENTANILLA_LANG: 'es', ...env });

afterEach(() => vi.restoreAllMocks());

const setup = async () => {
  const dataDir = tempDir();
  const core = createCore({ dataDir, log: () => undefined });
  await asOperator(core, 'staffAdd', {
    username: 'ana',
    displayName: 'Ana Ruiz',
    role: 'clerk',
    password: 'correct horse battery',
  });
  core.close();
  writeFileSync(join(dataDir, 'farola.png'), tinyPng('cli'));
  const data = join(dataDir, 'incidencia.json');
  writeFileSync(
    data,
    JSON.stringify({
      data: { type: 'lighting', location: 'Calle Real 12', description: 'Farola apagada' },
      party: { kind: 'non_resident', name: 'Lucía Pérez', document: '12345678Z' },
      consent: true,
      attachments: [{ file: 'farola.png' }],
    }),
  );
  return { dataDir, data };
};

describe('ventanilla forms', () => {
  it('lists the templates, as text and as JSON', async () => {
    const { dataDir } = await setup();
    const text = await run(dataDir, ['forms', 'templates']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('incidencia-via-publica\tv1\tIncidencia en la vía pública');
    const json = await run(dataDir, ['forms', 'templates', '--json']);
    expect(
      FormTemplate.array()
        .parse(JSON.parse(json.out))
        .map((t) => t.id),
    ).toHaveLength(5);
  });

  it('files as a staff member and writes the receipt PDF', async () => {
    const { dataDir, data } = await setup();
    const filed = await run(
      dataDir,
      [
        'forms',
        'file',
        '--template',
        'incidencia-via-publica',
        '--data',
        data,
        '--staff',
        'ana',
        '--json',
      ],
      {
        VENTANILLA_PASSWORD: 'correct horse battery',
      },
    );
    expect(filed.code).toBe(0);
    const entry = FiledEntry.strict().parse(JSON.parse(filed.out));
    expect(entry.provisionalNumber).toBe('18111-M01-2026-000001');
    const pdf = join(dataDir, 'out.pdf');
    const receipt = await run(dataDir, ['forms', 'receipt', entry.entryId, '--pdf', pdf]);
    expect(receipt.code).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('18111-M01-2026-000001');
    expect(text).toContain('Registrado por: Ana Ruiz');
    expect(text).toContain('farola.png');
  });

  it('refuses a wrong password, bad data and a missing password with clear errors, filing nothing', async () => {
    const { dataDir, data } = await setup();
    const args = [
      'forms',
      'file',
      '--template',
      'incidencia-via-publica',
      '--data',
      data,
      '--staff',
      'ana',
    ];
    const wrong = await run(dataDir, args, { VENTANILLA_PASSWORD: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/contraseña|credenciales/i);
    const missing = await run(dataDir, args, { VENTANILLA_PASSWORD: undefined });
    expect(missing.code).toBe(2);
    const bad = join(dataDir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        data: { type: 'fire' },
        party: { kind: 'non_resident', name: 'X', document: '12345678Z' },
        consent: true,
      }),
    );
    const invalid = await run(
      dataDir,
      ['forms', 'file', '--template', 'incidencia-via-publica', '--data', bad, '--staff', 'ana'],
      {
        VENTANILLA_PASSWORD: 'correct horse battery',
        VENTANILLA_LANG: 'en',
      },
    );
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain(
      'Check the form data: type: option; location: required; description: required. Nothing was filed.',
    );
    const notJson = join(dataDir, 'x.json');
    writeFileSync(notJson, '{');
    expect(
      (
        await run(
          dataDir,
          ['forms', 'file', '--template', 'x', '--data', notJson, '--staff', 'ana'],
          { VENTANILLA_PASSWORD: 'p' },
        )
      ).code,
    ).toBe(1);
    const core = wireCore({ dataDir, log: () => undefined });
    expect(core.deps.db.prepare('SELECT count(*) n FROM registry_entries').get()).toEqual({ n: 0 });
    core.close();
  });
});
