import { normalizeHandle } from '../../core/verifications/networks';
import { Network } from '../../shared/contract/verifications';
import { isAppError } from '../../shared/errors';
import { sha256Hex } from '../secrets';
import type { CentralTx } from '../sync/appliers';
import { type RequestRow, verificationsStore } from './store';

/** Whatever an official types (`Ana_G`, `@ana_g`, a profile link), the directory's key for it. */
export const directoryHandle = (network: string, raw: string): string => {
  const known = Network.safeParse(network.toLowerCase());
  if (known.success) {
    try {
      return `@${normalizeHandle(known.data, raw).key}`;
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  return raw.toLowerCase();
};

/**
 * Wrong codes a challenge takes, typed or found in the account's posts, before it is closed:
 * the counter's own rule, so a code cannot be guessed by trying.
 */
export const MAX_PROOF_MISSES = 5;

/** `vnt k7p 2qx`, `VNTK7P2QX` → `VNT-K7P-2QX`, the form the counter issued; null if not one. */
export const canonicalChallenge = (code: string): string | null => {
  const c = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^VNT[A-Z0-9]{6}$/.test(c) ? `VNT-${c.slice(3, 6)}-${c.slice(6)}` : null;
};

export const challengeSha256 = (code: string): string | null => {
  const c = canonicalChallenge(code);
  return c ? sha256Hex(c) : null;
};

/**
 * The directory entry for one handle, derived from the records: the earliest verification still
 * in force holds it, so a transfer (one revoked, another verified) reads right in either order.
 */
export const refreshHandle = async (
  tx: CentralTx,
  network: string,
  handle: string,
): Promise<void> => {
  const holder = await verificationsStore.holderOf(tx, network, handle);
  if (holder) {
    await verificationsStore.setHandle(tx, {
      network,
      handle,
      maskedName: holder.masked_name,
      verifiedSince: holder.verified_at ?? tx.now,
      expiresAt: holder.expires_at,
    });
  } else await verificationsStore.dropHandle(tx, network, handle, tx.now);
};

/** The `verification.request` change counters apply (src/core/verifications/sync-appliers.ts). */
export const requestChange = (r: RequestRow, state: 'open' | 'withdrawn') => ({
  type: 'verification.request',
  entity_id: r.id,
  version: Number(r.version),
  payload: {
    id: r.id,
    residentId: r.resident_id,
    network: r.network,
    handle: r.handle,
    platformUserId: r.platform_user_id,
    requestedAt: new Date(r.requested_at).toISOString(),
    state,
  },
});
