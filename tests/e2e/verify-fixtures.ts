/**
 * Prepares a data directory for the verification e2e tests: imports the fixture register the
 * way the counter would (run with `npx vite-node tests/e2e/verify-fixtures.ts DATA_DIR`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wireCore } from '../../src/core/app/wire-core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: verify-fixtures.ts DATA_DIR');
const core = wireCore({ dataDir });
try {
  const report = core.services.residents.importCsv(
    readFileSync(join(import.meta.dirname, '../fixtures/register/padron-utf8.csv')),
    { actor: { staffId: null, username: 'e2e', role: 'system' }, fileName: 'padron-utf8.csv' },
  );
  if (report.rejected > 0) throw new Error(`fixture register rejected ${report.rejected} rows`);
} finally {
  core.close();
}
