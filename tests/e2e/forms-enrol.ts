/**
 * Enrols a counter's data directory with central (run with `npx vite-node`), as the IT person
 * would at install time; the counter app keeps running meanwhile. Args: DATA_DIR URL CODE.
 */
import { createCore } from '../../src/core/app/create-core';

const [dataDir = '', url = '', code = ''] = process.argv.slice(2);
const core = createCore({ dataDir, log: () => undefined });
try {
  await core.services.sync.enrol({ staffId: null, username: 'e2e', role: 'system' }, url, code);
} finally {
  core.close();
}
