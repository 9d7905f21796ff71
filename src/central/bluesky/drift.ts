import { centralAudit } from '../audit/store';
import { centralTx } from '../sync/service';
import { refreshHandle } from '../verifications/rules';
import type { AccountLookup } from '../../core/network';
import type { CentralStore } from '../db/store';
import { holdersOf, renameVerifications, setSuspended } from '../verifications/accounts-store';
import { noteChecked, readAccount, staleRecords } from './store';

export interface DriftTally {
  readonly checked: number;
  readonly renamed: number;
  readonly renamedFlagged: number;
  readonly nameChanged: number;
  readonly gone: number;
  readonly back: number;
  /** Handles the account claims that do not resolve back to it, or that another holds. */
  readonly unconfirmed: number;
}

/**
 * One pass of the drift watch over the `limit` records checked longest ago: a bounded number of
 * look-ups per pass, every change audited. The directory follows the DID; what becomes of the
 * town's record on a rename is the town's policy (refresh, or flag for a person).
 */
export const watchDrift = async (
  store: CentralStore,
  lookup: AccountLookup,
  now: () => Date,
  limit: number,
): Promise<DriftTally> => {
  const tally = {
    checked: 0,
    renamed: 0,
    renamedFlagged: 0,
    nameChanged: 0,
    gone: 0,
    back: 0,
    unconfirmed: 0,
  };
  const policy = (await readAccount(store))?.rename_policy ?? 'refresh';
  for (const r of await staleRecords(store, limit)) {
    let status;
    try {
      status = await lookup.status(r.subject_did);
    } catch {
      continue; // Not reached: looked at again on the next pass, nothing is concluded.
    }
    tally.checked += 1;
    const at = now();
    await store.transaction(async (tx) => {
      if (status.state === 'gone') {
        // Suspended, not ended: the record is withdrawn and the directory stops answering.
        for (const v of await setSuspended(tx, r.subject_did, at)) {
          await refreshHandle(centralTx(tx, at), 'bluesky', v.handle);
          await centralAudit(tx, at, 'bluesky.account_gone', v.device_id, {
            id: v.id,
            did: r.subject_did,
          });
        }
        if (r.flag !== 'account_gone') tally.gone += 1;
        await noteChecked(tx, r.verification_id, { flag: 'account_gone' }, at);
        return;
      }
      const { profile } = status;
      if (r.flag === 'account_gone') {
        for (const v of await setSuspended(tx, r.subject_did, null)) {
          await refreshHandle(centralTx(tx, at), 'bluesky', v.handle);
          await centralAudit(tx, at, 'bluesky.account_back', v.device_id, { id: v.id });
        }
        await noteChecked(tx, r.verification_id, { flag: null }, at);
        tally.back += 1;
      }
      if (profile.handle !== r.handle) {
        const handle = `@${profile.handle}`;
        // Only a handle that resolves back to this DID, and that nobody else verified holds, is
        // followed; anything else is the account's claim, left for a person to look at.
        const taken =
          status.handleConfirmed &&
          (await holdersOf(tx, handle, at)).some((did) => did !== r.subject_did);
        if (!status.handleConfirmed || taken) {
          if (r.flag !== 'handle_changed') {
            await centralAudit(tx, at, 'bluesky.handle_unconfirmed', null, {
              id: r.verification_id,
              did: r.subject_did,
              from: r.handle,
              claimed: profile.handle,
              held: taken,
            });
            tally.unconfirmed += 1;
          }
          await noteChecked(tx, r.verification_id, { flag: 'handle_changed' }, at);
          return;
        }
        const old = await renameVerifications(tx, r.subject_did, handle);
        for (const h of [...old, handle]) await refreshHandle(centralTx(tx, at), 'bluesky', h);
        await centralAudit(tx, at, 'bluesky.handle_changed', null, {
          id: r.verification_id,
          did: r.subject_did,
          from: r.handle,
          to: profile.handle,
          policy,
        });
        if (policy === 'refresh') {
          await noteChecked(tx, r.verification_id, { handle: profile.handle, requeue: true }, at);
          tally.renamed += 1;
        } else {
          await noteChecked(tx, r.verification_id, { flag: 'handle_changed' }, at);
          tally.renamedFlagged += 1;
        }
        return;
      }
      if ((profile.displayName ?? '') !== (r.display_name ?? '')) {
        // Apps stop showing the badge on their own; a person decides whether to re-verify.
        if (r.flag !== 'display_name_changed') {
          await centralAudit(tx, at, 'bluesky.display_name_changed', null, {
            id: r.verification_id,
            did: r.subject_did,
          });
          tally.nameChanged += 1;
        }
        await noteChecked(tx, r.verification_id, { flag: 'display_name_changed' }, at);
        return;
      }
      await noteChecked(tx, r.verification_id, {}, at);
    });
  }
  return tally;
};
