// Central's Bluesky worker as its own process, for the crash test: it publishes once and, with
// BLUESKY_STALL_AFTER_WRITE set, stops dead after the PDS took a record and before central noted
// it, says so on stdout, and waits there to be killed.
import { createBlueskyWorker } from '../../src/central/bluesky/service';
import { openPgStore } from '../../src/central/db/pg-store';
import { blueskyConnector } from '../../src/core/network';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const store = await openPgStore(env('BLUESKY_TEST_STORE_URL'), 2);
const worker = createBlueskyWorker({
  store,
  key: Buffer.from(env('BLUESKY_TEST_KEY'), 'hex'),
  lookup: blueskyConnector({
    handleResolver: env('VENTANILLA_BLUESKY_RESOLVER'),
    plcDirectory: env('VENTANILLA_BLUESKY_PLC'),
  }).lookup,
  afterWrite: async (rkey) => {
    if (!process.env.BLUESKY_STALL_AFTER_WRITE) return;
    process.stdout.write(`written ${rkey}\n`);
    await new Promise(() => undefined);
  },
});
const tally = await worker.publish();
process.stdout.write(`published ${JSON.stringify(tally)}\n`);
await store.close();
