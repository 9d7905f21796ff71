import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestCore } from '../../helpers/test-core';
import { SYSTEM } from '../../helpers/test-core';

export const REGISTER_DIR = resolve(import.meta.dirname, '../../fixtures/register');

/** The register-reading worker as `npm run build` emits it (npm test builds first). */
export const BUILT_WORKER = pathToFileURL(
  resolve(import.meta.dirname, '../../../out/main/register-import-worker.js'),
);

export const fixtureBytes = (name: string): Buffer => readFileSync(resolve(REGISTER_DIR, name));

/** Imports one of the fixture registers (or given bytes) as the CLI's system actor would. */
export const importFixture = (
  t: TestCore,
  file: string | Buffer = 'padron-utf8.csv',
  options: {
    dryRun?: boolean;
    onProgress?: (f: number) => void;
    allowMassDeregistration?: boolean;
  } = {},
) =>
  t.core.services.residents.importCsv(typeof file === 'string' ? fixtureBytes(file) : file, {
    actor: SYSTEM,
    fileName: typeof file === 'string' ? file : 'inline.csv',
    ...options,
  });

export const csv = (lines: string[]): Buffer => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

export const HEADER =
  'resident_id,document_type,document_number,given_names,surname1,surname2,birth_date,sex,nationality,address,district';
