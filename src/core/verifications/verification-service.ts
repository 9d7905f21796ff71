import type { z } from 'zod';
import type { OcrDocument } from '../../shared/contract/ocr';
import type {
  Candidate,
  DocumentEntry,
  MatchResult,
  OverrideGround,
  PendingRequest,
  SaveVerificationInput,
  TodayStats,
  Verification,
} from '../../shared/contract/verifications';
import { formatDayMonthYear } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { hashDocumentNumber } from '../privacy/document-number';
import { maskDocumentNumber } from '../../shared/document-number';
import { findById } from '../staff/staff-repo';
import { bindAccount } from './accounts';
import { assertNotLocked, recordFailedLookup } from './anti-fishing';
import { type Claim, createRecord, endRecord, markVerified, publish } from './lifecycle';
import { openConflictCount, queueConflict } from './conflicts';
import { checkedDocumentNumber, disagreementsOf } from './document-check';
import { normalizeHandle, normalizePlatformUserId } from './networks';
import {
  dayFigures,
  dueToEnd,
  getVerification,
  historyOf,
  openRequestsOf,
  recentRows,
  toVerification,
  verifiedHandlesOf,
  verifiedHolder,
  type VerificationRow,
} from './repo';
import type { ResidentsPort } from './residents-port';
import { directoryMaskedName, median } from './text';

/** Manager credentials typed at the clerk's counter; checked with the sign-in lockout rules. */
export type CheckCredentials = (
  username: string,
  password: string,
) => Promise<{ username: string; role: string }>;

/** As a transport sends it: defaults not yet filled in. */
export type SaveRequest = z.input<typeof SaveVerificationInput>;

/** How far back a card read may start a verification; older start times are not believed. */
const MAX_DESK_MS = 4 * 60 * 60_000;

export interface ScannedDocument {
  readonly type: string;
  readonly hash: string;
  readonly masked: string;
  readonly expiry: string | null;
}

export const createVerificationService = (
  deps: CoreDeps,
  residents: ResidentsPort,
  checkCredentials: CheckCredentials,
) => {
  const { db, clock } = deps;
  const view = (row: VerificationRow): Verification => toVerification(row, residents);

  const scanned = (document: OcrDocument): ScannedDocument => {
    const number = checkedDocumentNumber(document);
    return {
      type: document.document_type,
      hash: hashDocumentNumber(deps.keys.hmacKey, number),
      masked: maskDocumentNumber(number),
      expiry: document.expiry_date,
    };
  };

  /** Ends what has run out: verified records past their expiry, challenges past 72 h. */
  const expireDue = (): number => {
    const due = dueToEnd(db, clock.now().toISOString());
    if (due.length === 0) return 0;
    const system: Actor = { staffId: null, username: 'system', role: 'system' };
    inTransaction(deps, () => {
      for (const row of due) {
        const ground = row.state === 'pending_proof' ? 'challenge_expired' : 'validity_ended';
        endRecord(deps, system, row, 'expired', ground, null);
      }
    });
    return due.length;
  };

  const candidatesFor = (document: OcrDocument): Candidate[] =>
    residents.match(document).flatMap((c) => {
      const r = residents.getById(c.residentId);
      if (!r) return [];
      return [
        {
          residentId: r.id,
          fullName: r.fullName,
          documentMasked: r.documentMasked,
          birthDate: r.birthDate,
          score: c.score,
          verdict: c.verdict,
          reasons: [...c.reasons],
          verified: verifiedHandlesOf(db, r.id),
          disagreements: disagreementsOf(c),
        },
      ];
    });

  /** Looks the scanned card up in the register; an empty answer is logged as a failed lookup. */
  const match = (
    actor: Actor,
    document: OcrDocument,
    entry: DocumentEntry = 'read',
  ): MatchResult => {
    const doc = scanned(document);
    assertNotLocked(deps, doc.hash);
    const candidates = candidatesFor(document);
    if (candidates.length > 0) {
      // Looking someone up is access to personal data: who looked, and whom it found.
      inTransaction(deps, () =>
        audit(deps, {
          actor,
          action: 'verification.lookup_matched',
          subject: `document:${doc.masked}`,
          details: { candidates: candidates.map((c) => c.residentId), entry },
        }),
      );
      return { outcome: 'candidates', documentMasked: doc.masked, candidates };
    }
    inTransaction(deps, () => recordFailedLookup(deps, actor, doc, 'not_in_register'));
    return { outcome: 'not_in_register', documentMasked: doc.masked, candidates: [] };
  };

  /** The clerk looked at the candidates and none is the person at the counter. */
  const rejectCandidates = (actor: Actor, document: OcrDocument): void => {
    const doc = scanned(document);
    assertNotLocked(deps, doc.hash);
    inTransaction(deps, () => recordFailedLookup(deps, actor, doc, 'candidates_rejected'));
  };

  const desk = (startedAt: string): string => {
    const now = clock.now().getTime();
    const t = Date.parse(startedAt);
    return Number.isFinite(t) && t <= now && now - t <= MAX_DESK_MS
      ? new Date(t).toISOString()
      : new Date(now).toISOString();
  };

  /** A manager typed their credentials at the clerk's counter; checked with the lockout rules. */
  const authorise = async (
    override: SaveRequest['override'],
    grounds: readonly OverrideGround[],
  ): Promise<Claim['override']> => {
    if (grounds.length === 0) return null;
    if (!override) throw new AppError('override_required', {}, 409);
    const manager = await checkCredentials(override.username, override.password);
    if (manager.role !== 'manager' && manager.role !== 'admin') {
      throw new AppError('override_needs_manager', {}, 403);
    }
    return { by: manager.username, reason: override.reason, grounds };
  };

  const save = async (actor: Actor, input: SaveRequest): Promise<Verification> => {
    expireDue();
    const doc = scanned(input.document);
    const resident = residents.getById(input.residentId);
    if (!resident) throw new AppError('resident_not_found', { id: input.residentId }, 404);
    if (resident.deregistered) throw new AppError('resident_deregistered', {}, 409);
    const handle = normalizeHandle(input.network, input.handle);
    // Bound to the account's immutable id where the network answers (Bluesky's DID).
    const account = await bindAccount(
      input.network,
      handle.key,
      normalizePlatformUserId(input.network, input.platformUserId),
    );
    const platformUserId = account.platformUserId;
    const today = clock.now().toISOString().slice(0, 10);
    // The desk's choice is checked again here: a client can send any resident with any document.
    const disagreements = disagreementsOf(
      residents.match(input.document).find((c) => c.residentId === resident.id),
    );
    const expired = Boolean(doc.expiry && doc.expiry < today);
    if (expired && !input.override) {
      throw new AppError('document_expired', { date: formatDayMonthYear(doc.expiry ?? '') }, 409);
    }
    if (disagreements.length > 0 && !input.override) {
      throw new AppError('document_resident_mismatch', {}, 409);
    }
    const grounds: OverrideGround[] = [
      ...(expired ? (['document_expired'] as const) : []),
      ...disagreements,
    ];
    const override = await authorise(input.override, grounds);
    const claim: Claim = {
      residentId: resident.id,
      maskedName: directoryMaskedName(resident.fullName),
      network: input.network,
      handle: handle.display,
      handleKey: handle.key,
      platformUserId,
      account: { displayName: account.displayName, lookup: account.lookup },
      proof: input.proof,
      document: doc,
      corrected: input.corrected ?? [],
      startedAt: desk(input.startedAt),
      // The full name, as registry receipts print it; the username only if the account is gone.
      clerk: {
        id: actor.staffId,
        name:
          (actor.staffId !== null && findById(deps.db, actor.staffId)?.display_name) ||
          actor.username,
      },
      override,
      entry: input.entry ?? 'read',
      pendingRequestId: input.pendingRequestId ?? null,
    };
    const outcome = inTransaction(deps, () => {
      const holder = verifiedHolder(db, handle.network, handle.key, platformUserId);
      if (holder && holder.resident_id !== resident.id) {
        return {
          kind: 'conflict' as const,
          conflict: queueConflict(deps, actor, claim, holder),
          holder,
        };
      }
      if (override?.grounds.includes('document_expired')) {
        audit(deps, {
          actor,
          action: 'verification.expired_document_override',
          subject: `document:${doc.masked}`,
          details: { manager: override.by, reason: override.reason, expiry: doc.expiry },
        });
      }
      const mismatch = override?.grounds.filter((g) => g !== 'document_expired') ?? [];
      if (override && mismatch.length > 0) {
        audit(deps, {
          actor,
          action: 'verification.mismatch_override',
          subject: `document:${doc.masked}`,
          details: {
            manager: override.by,
            reason: override.reason,
            residentId: resident.id,
            grounds: mismatch,
            entry: input.entry ?? 'read',
          },
        });
      }
      return { kind: 'saved' as const, row: createRecord(deps, actor, claim) };
    });
    // What the desk shows is what was saved, read back.
    if (outcome.kind === 'saved') return view(getVerification(db, outcome.row.id));
    // The claim is safely queued for a manager; the clerk is told who holds it, masked.
    const holderName = residents.getById(outcome.holder.resident_id)?.fullName;
    throw new AppError(
      'handle_conflict',
      { holder: holderName ? directoryMaskedName(holderName) : '—', conflictId: outcome.conflict },
      409,
    );
  };

  /** Proof of a challenge code, from a clerk or from central. */
  const confirmProof = (actor: Actor, id: string): Verification => {
    expireDue();
    const outcome = inTransaction(deps, () => {
      const row = getVerification(db, id);
      if (row.state === 'verified') return { kind: 'done' as const, row };
      if (row.state === 'expired' && row.end_ground === 'challenge_expired') {
        throw new AppError('challenge_expired', {}, 409);
      }
      if (row.state !== 'pending_proof')
        throw new AppError('not_pending_proof', { state: row.state }, 409);
      const holder = verifiedHolder(db, row.network, row.handle_key, row.platform_user_id);
      if (holder && holder.resident_id !== row.resident_id) {
        // The proof stands, but the handle is someone else's now: a manager decides.
        const claim: Claim = {
          residentId: row.resident_id,
          maskedName:
            row.resident_masked_name ??
            directoryMaskedName(residents.getById(row.resident_id)?.fullName ?? ''),
          network: row.network,
          handle: row.handle,
          handleKey: row.handle_key,
          platformUserId: row.platform_user_id,
          proof: row.proof_method,
          document: {
            type: row.document_type,
            hash: row.document_hash,
            masked: row.document_masked,
            expiry: row.document_expiry,
          },
          corrected: JSON.parse(row.corrected_fields) as string[],
          startedAt: row.started_at,
          clerk: { id: row.clerk_id, name: row.clerk_name },
          override: row.override_by
            ? {
                by: row.override_by,
                reason: row.override_reason ?? '',
                grounds: JSON.parse(row.override_grounds) as OverrideGround[],
              }
            : null,
          entry: row.entry,
          pendingRequestId: null,
          confirmsPendingId: row.id,
        };
        return {
          kind: 'conflict' as const,
          holder,
          conflict: queueConflict(deps, actor, claim, holder),
        };
      }
      markVerified(deps, actor, row);
      audit(deps, {
        actor,
        action: 'verification.proof_confirmed',
        subject: `verification:${id}`,
        // That the code matched, never the code: the log is read by more people than the desk.
        details: { network: row.network, handle: row.handle, codeMatched: true },
      });
      return { kind: 'done' as const, row: publish(deps, 'verification.verified', id) };
    });
    if (outcome.kind === 'done') return view(outcome.row);
    const name = residents.getById(outcome.holder.resident_id)?.fullName;
    throw new AppError(
      'handle_conflict',
      { holder: name ? directoryMaskedName(name) : '—', conflictId: outcome.conflict },
      409,
    );
  };

  const revoke = (
    actor: Actor,
    id: string,
    ground: 'resident_request' | 'decision',
    reason: string,
  ): Verification =>
    view(
      inTransaction(deps, () => {
        const row = getVerification(db, id);
        if (row.state !== 'verified' && row.state !== 'pending_proof') {
          throw new AppError('not_revocable', { state: row.state }, 409);
        }
        return endRecord(deps, actor, row, 'revoked', ground, reason);
      }),
    );

  const get = (id: string): Verification => {
    expireDue();
    return view(getVerification(db, id));
  };

  const history = (residentId: string): Verification[] => {
    expireDue();
    return historyOf(db, residentId).map(view);
  };

  const recent = (limit: number): Verification[] => {
    expireDue();
    return recentRows(db, limit).map(view);
  };

  const pendingRequests = (residentId: string): PendingRequest[] => openRequestsOf(db, residentId);

  /** The counter's day runs on this machine's local midnight. */
  const today = (): TodayStats => {
    expireDue();
    const start = clock.now();
    start.setHours(0, 0, 0, 0);
    const { done, times, pending } = dayFigures(db, start.toISOString());
    return {
      done,
      medianMs: median(times),
      pendingProofs: pending,
      conflictsWaiting: openConflictCount(deps),
    };
  };

  return {
    scanned,
    expireDue,
    match,
    rejectCandidates,
    save,
    confirmProof,
    revoke,
    get,
    history,
    recent,
    pendingRequests,
    today,
    view,
  };
};

export type VerificationService = ReturnType<typeof createVerificationService>;
