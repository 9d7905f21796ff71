import { normalizeHandle } from '../../core/verifications/networks';
import { type Network, networks } from '../../shared/contract/verifications';
import { isAppError } from '../../shared/errors';
import { centralAudit } from '../audit/store';
import { holderByDid } from '../verifications/accounts-store';
import { verificationsStore } from '../verifications/store';
import type { CentralStore } from '../db/store';
import { consoleStore } from './console-store';

export interface DirectoryAnswer {
  readonly network: Network;
  readonly handle: string;
  readonly verified: boolean;
  readonly since: string | null;
  readonly masked_name: string | null;
}

/** Which networks a typed query could be on: a link or a DID names one, `@a@b.c` is Mastodon. */
const candidates = (query: string): readonly Network[] => {
  const q = query.trim().toLowerCase();
  if (q.startsWith('did:') || /^(?:https?:\/\/)?bsky\.app\//.test(q)) return ['bluesky'];
  if (/^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\//.test(q)) return ['x'];
  if (/^(?:https?:\/\/)?(?:www\.)?instagr(?:am\.com|\.am)\//.test(q)) return ['instagram'];
  if (/^(?:https?:\/\/)?[^/\s]+\/@/.test(q) || /^@?[^@\s]+@[^@\s]+$/.test(q)) return ['mastodon'];
  return networks;
};

/** The directory keys a typed query names, per network it could be on. */
const handlesFor = async (
  store: CentralStore,
  query: string,
  network: Network | undefined,
  now: Date,
): Promise<{ network: Network; key: string; display: string }[]> => {
  const typed = query.trim();
  // A DID is stable where a handle is not: its verified holder names the handle it has now.
  const viaDid = typed.toLowerCase().startsWith('did:')
    ? (await holderByDid(store, typed.toLowerCase(), now))?.handle
    : undefined;
  const found: { network: Network; key: string; display: string }[] = [];
  for (const net of network ? [network] : candidates(typed)) {
    try {
      const normalized = normalizeHandle(net, viaDid ?? typed);
      found.push({ network: net, key: `@${normalized.key}`, display: normalized.display });
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  return found;
};

/**
 * An official's look-up by handle, profile link or DID: on each network the query could name,
 * whether the handle is verified, since when, and the masked name. Every look-up is audited
 * with who asked and what they typed: who asked about whom is itself personal data.
 */
export const lookUpDirectory = async (
  store: CentralStore,
  query: string,
  network: Network | undefined,
  official: string,
  now: Date,
): Promise<{ query: string; results: DirectoryAnswer[] }> => {
  const typed = query.trim();
  const results: DirectoryAnswer[] = [];
  for (const h of await handlesFor(store, typed, network, now)) {
    const row = await verificationsStore.lookUp(store, h.network, h.key, now);
    results.push({
      network: h.network,
      handle: h.display,
      verified: Boolean(row),
      since: row ? new Date(row.verified_since).toISOString() : null,
      masked_name: row?.masked_name ?? null,
    });
  }
  await centralAudit(store, now, 'directory.lookup', null, {
    official,
    via: 'console',
    query: typed,
    networks: results.map((r) => r.network),
    found: results.some((r) => r.verified),
  });
  return { query: typed, results };
};

/**
 * The DPO's look-up of a handle's records (any state, with masked names and counters), audited
 * like the official's: who asked about whom is personal data whoever asks.
 */
export const lookUpRecords = async (
  store: CentralStore,
  query: string,
  network: Network | undefined,
  dpo: string,
  now: Date,
) => {
  const typed = query.trim();
  const handles = await handlesFor(store, typed, network, now);
  const records = [];
  for (const h of handles)
    records.push(...(await consoleStore.verificationsFor(store, h.network, h.key)));
  await centralAudit(store, now, 'directory.lookup', null, {
    official: dpo,
    via: 'console-dpo',
    query: typed,
    networks: handles.map((h) => h.network),
    found: records.length > 0,
  });
  return records;
};
