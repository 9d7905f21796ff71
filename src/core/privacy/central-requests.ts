import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import {
  type CentralRequest,
  PRIVACY_ANSWER_TYPE,
  PRIVACY_REQUEST_KIND,
  PrivacyAnswer,
  type privacyCentralOps,
} from '../../shared/contract/privacy-central';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import type { ChangeAppliers } from '../sync/change-appliers';
import { enqueue } from '../sync/outbox';
import { CENTRAL } from '../verifications/sync-appliers';
import { subjectTag } from './subject';

interface Row {
  id: string;
  resident_id: string;
  kind: 'export' | 'erase';
  requested_at: string;
  requested_by: string;
  answered_at: string | null;
  answer: string | null;
}

/**
 * Queues a data-subject request for central's part, audited here as sent. An erasure carries
 * the id typed twice, as the counter's own erasure does.
 */
export const requestAtCentral = (
  deps: CoreDeps,
  actor: Actor,
  input: { kind: 'export' | 'erase'; residentId: string; confirm?: string },
): { id: string } => {
  const residentId = input.residentId.trim();
  if (input.kind === 'erase' && input.confirm?.trim() !== residentId)
    throw new AppError('privacy_confirm_mismatch', {}, 400);
  const id = uuidv7();
  const at = deps.clock.now();
  inTransaction(deps, () => {
    deps.db
      .prepare(
        `INSERT INTO privacy_central_requests (id, resident_id, kind, requested_at, requested_by)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, residentId, input.kind, at.toISOString(), actor.username);
    enqueue(
      deps.db,
      {
        kind: PRIVACY_REQUEST_KIND,
        entityId: id,
        payload: {
          request_id: id,
          resident_id: residentId,
          kind: input.kind,
          requested_by: actor.username,
        },
      },
      at,
    );
    audit(deps, {
      actor,
      action: 'privacy.central_requested',
      subject: subjectTag(residentId),
      details: { request_id: id, kind: input.kind },
    });
  });
  return { id };
};

const toRequest = (r: Row): CentralRequest => {
  const answer = r.answer === null ? null : PrivacyAnswer.safeParse(JSON.parse(r.answer));
  const value = answer?.success ? answer.data : null;
  return {
    id: r.id,
    residentId: r.resident_id,
    kind: r.kind,
    requestedAt: r.requested_at,
    requestedBy: r.requested_by,
    answeredAt: r.answered_at,
    export: value?.export ?? null,
    erasure: value?.erasure ?? null,
  };
};

export const listCentralRequests = (deps: CoreDeps, residentId: string): CentralRequest[] =>
  (
    deps.db
      .prepare(
        `SELECT * FROM privacy_central_requests WHERE resident_id = ? ORDER BY requested_at DESC, id DESC`,
      )
      .all(residentId.trim()) as Row[]
  ).map(toRequest);

/**
 * The resident's erasure here: central's exports go with the rest (asked or answered; one
 * still on its way is then dropped when it arrives). Erasure answers hold counts only and stay.
 */
export const forgetCentralExports = (db: Database, residentId: string): number =>
  db
    .prepare(`DELETE FROM privacy_central_requests WHERE resident_id = ? AND kind = 'export'`)
    .run(residentId.trim()).changes;

/** Retention: an export answered before `cutoff` (handed over long since) goes, as closed requests do. */
export const ageOutCentralExports = (db: Database, cutoff: string): number =>
  db
    .prepare(
      `DELETE FROM privacy_central_requests WHERE kind = 'export' AND answered_at IS NOT NULL
         AND answered_at < ?`,
    )
    .run(cutoff).changes;

/**
 * Central's answer, pulled: stored with its request and audited with counts only (the
 * export itself stays in the request row, which the Privacy screen shows).
 */
export const privacyCentralAppliers = (deps: CoreDeps): ChangeAppliers => ({
  [PRIVACY_ANSWER_TYPE]: (db, change) => {
    const parsed = PrivacyAnswer.safeParse(change.payload);
    if (!parsed.success) return;
    const answer = parsed.data;
    const stored = db
      .prepare(
        `UPDATE privacy_central_requests SET answered_at = ?, answer = ?
         WHERE id = ? AND answered_at IS NULL`,
      )
      .run(answer.answered_at, JSON.stringify(answer), answer.request_id).changes;
    if (stored === 0) return;
    audit(deps, {
      actor: CENTRAL,
      action: 'privacy.central_answered',
      subject: subjectTag(answer.resident_id),
      details: {
        request_id: answer.request_id,
        held: answer.export !== null || answer.erasure !== null,
        erased: answer.erasure?.erased ?? null,
        kept: answer.erasure?.kept ?? null,
      },
    });
  },
});

export const privacyCentralHandlers = (deps: CoreDeps): HandlersFor<typeof privacyCentralOps> => ({
  privacyCentralRequest: (input, ctx) => requestAtCentral(deps, requireActor(ctx), input),
  privacyCentralRequests: ({ residentId }) => ({ items: listCentralRequests(deps, residentId) }),
});
