import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createBlueskyWorker, setTownAccount } from '../../src/central/bluesky/service';
import { blueskyConnector } from '../../src/core/network';
import type { AtprotoNetwork, TestAccount } from '../helpers/atproto-network';
import type { RunningCentral } from './harness';

export const VERIFICATION = 'app.bsky.graph.verification';

/** Points the counter and central at the local network, for the rest of the file. */
export const useNetwork = (net: AtprotoNetwork): void => {
  process.env.VENTANILLA_BLUESKY_RESOLVER = net.pdsUrl;
  process.env.VENTANILLA_BLUESKY_PLC = net.plcUrl;
};

/** The town's account on the local PDS, entered at central, and central's Bluesky worker. */
export const townOn = async (
  net: AtprotoNetwork,
  central: RunningCentral,
  name: string,
  renamePolicy: 'refresh' | 'flag' = 'refresh',
) => {
  const town = await net.createAccount(name, { displayName: 'Ayuntamiento de Prueba' });
  const key = randomBytes(32);
  await setTownAccount(
    { store: central.store, key },
    { service: net.pdsUrl, identifier: town.handle, appPassword: town.password, renamePolicy },
  );
  const lookup = blueskyConnector({ handleResolver: net.pdsUrl, plcDirectory: net.plcUrl }).lookup;
  const worker = createBlueskyWorker({ store: central.store, key, lookup });
  /** The town's verification records, as the PDS holds them. */
  const records = async () =>
    (await net.records(town.did, VERIFICATION)).map((r) => ({
      rkey: r.uri.split('/').at(-1),
      ...(r.value as { subject: string; handle: string; displayName: string }),
    }));
  return { town, key, lookup, worker, records };
};

export const expectRecords = async (
  records: () => Promise<{ subject: string; handle: string }[]>,
  subjects: { account: TestAccount; handle?: string }[],
): Promise<void> => {
  const held = await records();
  expect(held.map((r) => ({ subject: r.subject, handle: r.handle })).sort()).toEqual(
    subjects.map((s) => ({ subject: s.account.did, handle: s.handle ?? s.account.handle })),
  );
};
