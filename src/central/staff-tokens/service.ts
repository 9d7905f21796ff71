import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { newStaffToken, sha256Hex } from '../secrets';
import { staffTokensStore } from './store';

/** A bearer token for officials' directory look-ups and the device board. Shown once. */
export const createStaffToken = async (
  store: CentralStore,
  name: string,
  now: Date,
): Promise<string> => {
  const token = newStaffToken();
  await store.transaction(async (tx) => {
    await staffTokensStore.insert(tx, sha256Hex(token), name, now);
    await centralAudit(tx, now, 'token.created', null, { name });
  });
  return token;
};

/** The name a live token was given (`central token NAME`), or undefined. */
export const staffTokenName = (store: CentralStore, token: string): Promise<string | undefined> =>
  staffTokensStore.nameOf(store, sha256Hex(token));
