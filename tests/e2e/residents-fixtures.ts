/**
 * Prepares a data directory for the Residents e2e test: the fixture register, plus one saved
 * verification of R001 through the desk's own service, so the screen has a history to show
 * (run with `npx vite-node tests/e2e/residents-fixtures.ts DATA_DIR`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wireCore } from '../../src/core/app/wire-core';
import { createVerificationDesk } from '../../src/core/verifications';
import { ocrDocument } from '../helpers/ocr-document';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: residents-fixtures.ts DATA_DIR');
const core = wireCore({ dataDir });
const desk = createVerificationDesk(
  core.deps,
  core.services.residents,
  core.services.auth.checkCredentials,
);
try {
  const report = core.services.residents.importCsv(
    readFileSync(join(import.meta.dirname, '../fixtures/register/padron-utf8.csv')),
    { actor: { staffId: null, username: 'e2e', role: 'system' }, fileName: 'padron-utf8.csv' },
  );
  if (report.rejected > 0) throw new Error(`fixture register rejected ${report.rejected} rows`);
  await desk.service.save(
    { staffId: null, username: 'clara', role: 'clerk' },
    {
      residentId: 'R001',
      document: ocrDocument({
        document_number: '74252101M',
        surname1: 'DIAZ',
        surname2: 'IBANEZ',
        given_names: 'JUAN CARLOS',
        birth_date: '1952-05-03',
      }),
      corrected: [],
      network: 'x',
      handle: '@JuanCarlos_52',
      proof: 'seen_on_device',
      startedAt: new Date(Date.now() - 40_000).toISOString(),
    },
  );
} finally {
  await desk.close();
  core.close();
}
