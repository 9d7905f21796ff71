import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { newStaffToken, sha256Hex } from '../secrets';
import { scopesFromColumn, type TokenScope } from './scopes';
import { staffTokensStore } from './store';

/**
 * A bearer token for a machine client (the town's integration). Shown once. With `scopes` it
 * reaches only those route families; without, every staff-token route.
 */
export const createStaffToken = async (
  store: CentralStore,
  name: string,
  now: Date,
  scopes?: readonly TokenScope[],
): Promise<string> => {
  const token = newStaffToken();
  const column = scopes && scopes.length > 0 ? [...new Set(scopes)].sort().join(',') : null;
  await store.transaction(async (tx) => {
    await staffTokensStore.insert(tx, sha256Hex(token), name, now, column);
    await centralAudit(tx, now, 'token.created', null, { name, scopes: column ?? 'all' });
  });
  return token;
};

/** The name a live token was given (`central token NAME`) and its scopes (null: all), or undefined. */
export const staffTokenFor = async (
  store: CentralStore,
  token: string,
): Promise<{ name: string; scopes: TokenScope[] | null } | undefined> => {
  const row = await staffTokensStore.find(store, sha256Hex(token));
  return row && { name: row.name, scopes: scopesFromColumn(row.scopes) };
};
