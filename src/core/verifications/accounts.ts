import { z } from 'zod';
import type {
  AccountLookupResult,
  Network,
  Verification,
} from '../../shared/contract/verifications';
import { AppError, isAppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { connectorFor } from '../network';
import { endRecord, publish } from './lifecycle';
import { findVerification, getVerification } from './repo';
import type { VerificationService } from './verification-service';

/** A post with a wrong code counts as a try; past this many the challenge is closed. */
export const MAX_PROOF_MISSES = 5;

export interface AccountBinding {
  readonly platformUserId: string | null;
  readonly displayName: string | null;
  readonly lookup: 'resolved' | 'pending' | null;
}

const unreachable = (e: unknown): boolean => isAppError(e) && e.code === 'network_unreachable';

const MAX_AVATAR_BYTES = 1024 * 1024;

/**
 * The avatar as a data: URL: the screen's policy loads no remote image, and the resident's
 * network then sees the town hall's request, never the clerk's browser.
 */
const inlineImage = async (url: string | null): Promise<string | null> => {
  if (!url) return null;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !/^image\/(png|jpeg|webp|gif)$/.test(type)) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length <= MAX_AVATAR_BYTES
      ? `data:${type};base64,${bytes.toString('base64')}`
      : null;
  } catch {
    // No picture is no reason to hold the clerk up: the name and handle are still shown.
    return null;
  }
};

/** What the clerk sees before saving: the account behind the handle, if the network answers. */
export const lookupAccount = async (
  network: Network,
  handleKey: string,
): Promise<AccountLookupResult> => {
  const lookup = connectorFor(network).lookup;
  if (!lookup) return { reachable: true, supported: false, account: null };
  try {
    const account = await lookup.resolve(handleKey);
    return {
      reachable: true,
      supported: true,
      account: { ...account, avatarUrl: await inlineImage(account.avatarUrl) },
    };
  } catch (e) {
    if (unreachable(e)) return { reachable: false, supported: true, account: null };
    throw e;
  }
};

/**
 * At save: the handle is bound to the account's immutable id where the network can be asked.
 * Unreachable, the record is saved as `pending` and central looks it up at the next sync.
 */
export const bindAccount = async (
  network: Network,
  handleKey: string,
  typedUserId: string | null,
): Promise<AccountBinding> => {
  const lookup = connectorFor(network).lookup;
  if (!lookup) return { platformUserId: typedUserId, displayName: null, lookup: null };
  try {
    const account = await lookup.resolve(handleKey);
    if (typedUserId && typedUserId !== account.userId)
      throw new AppError('account_mismatch', {}, 409);
    return { platformUserId: account.userId, displayName: account.displayName, lookup: 'resolved' };
  } catch (e) {
    if (unreachable(e))
      return { platformUserId: typedUserId, displayName: null, lookup: 'pending' };
    throw e;
  }
};

/** Central (or this counter) found the account behind a record saved offline. Idempotent. */
export const applyAccountBinding = (
  deps: CoreDeps,
  actor: Actor,
  id: string,
  account: { userId: string; displayName: string | null },
): boolean =>
  inTransaction(deps, () => {
    const row = getVerification(deps.db, id);
    if (row.account_lookup !== 'pending') return false;
    deps.db
      .prepare(
        `UPDATE verifications SET platform_user_id = ?, account_display_name = ?,
           account_lookup = 'resolved' WHERE id = ?`,
      )
      .run(account.userId, account.displayName, id);
    audit(deps, {
      actor,
      action: 'verification.account_resolved',
      subject: `verification:${id}`,
      details: { network: row.network, handle: row.handle, userId: account.userId },
    });
    publish(deps, 'verification.account_resolved', id);
    return true;
  });

const AccountResolved = z.object({
  verificationId: z.string().min(1),
  userId: z.string().min(1).max(250),
  displayName: z.string().max(640).nullable(),
});

/** Central looked up the account of a record this counter saved offline. */
export const applyCentralAccount = (deps: CoreDeps, actor: Actor, payload: unknown): void => {
  const change = AccountResolved.parse(payload);
  if (!findVerification(deps.db, change.verificationId)) return;
  applyAccountBinding(deps, actor, change.verificationId, change);
};

export type ProofCheck = 'confirmed' | 'not_found' | 'other_code' | 'unreachable';

/**
 * The counter, online, reads the account's own posts for the record's code: found, the proof is
 * confirmed as a clerk's would be; a different code counts as a miss, and too many close it.
 */
export const checkProof = async (
  deps: CoreDeps,
  service: VerificationService,
  actor: Actor,
  id: string,
): Promise<{ outcome: ProofCheck; verification: Verification }> => {
  service.expireDue();
  const row = getVerification(deps.db, id);
  if (row.state !== 'pending_proof' || !row.challenge_code)
    throw new AppError('not_pending_proof', { state: row.state }, 409);
  const lookup = connectorFor(row.network).lookup;
  if (!lookup || !row.platform_user_id) throw new AppError('proof_needs_account', {}, 409);
  const code = row.challenge_code;
  let found;
  try {
    found = await lookup.findCode(
      row.platform_user_id,
      new Date(row.created_at),
      (c) => c === code,
    );
  } catch (e) {
    if (unreachable(e)) return { outcome: 'unreachable', verification: service.get(id) };
    throw e;
  }
  if (found.found) return { outcome: 'confirmed', verification: service.confirmProof(actor, id) };
  if (found.otherCodes === 0) return { outcome: 'not_found', verification: service.get(id) };
  // Each distinct wrong code is one try, however often the same posts are read again.
  const misses = Math.max(row.proof_misses, found.otherCodes);
  if (misses === row.proof_misses) return { outcome: 'other_code', verification: service.get(id) };
  inTransaction(deps, () => {
    deps.db.prepare('UPDATE verifications SET proof_misses = ? WHERE id = ?').run(misses, id);
    audit(deps, {
      actor,
      action: 'verification.proof_missed',
      subject: `verification:${id}`,
      details: { network: row.network, handle: row.handle, misses },
    });
    if (misses >= MAX_PROOF_MISSES)
      endRecord(
        deps,
        actor,
        getVerification(deps.db, id),
        'expired',
        'proof_attempts_exhausted',
        null,
      );
  });
  return { outcome: 'other_code', verification: service.get(id) };
};
