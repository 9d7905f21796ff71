import { v7 as uuidv7 } from 'uuid';
import type { Conflict } from '../../shared/contract/verifications';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { enqueue } from '../sync/outbox';
import { type Claim, createRecord, endRecord, markVerified, publish } from './lifecycle';
import { findVerification, verifiedHolder, type VerificationRow } from './repo';
import type { ResidentsPort } from './residents-port';
import { directoryMaskedName } from './text';

interface ConflictRow {
  readonly id: string;
  readonly network: Conflict['network'];
  readonly handle: string;
  readonly handle_key: string;
  readonly claimant_resident_id: string;
  readonly holder_verification_id: string;
  readonly claim: string;
  readonly state: Conflict['state'];
  readonly created_at: string;
  readonly created_by: string;
  readonly resolved_at: string | null;
  readonly resolved_by: string | null;
  readonly resolution_reason: string | null;
}

const publishConflict = (deps: CoreDeps, row: ConflictRow): void => {
  enqueue(
    deps.db,
    {
      kind: 'verification.conflict',
      entityId: row.id,
      payload: {
        id: row.id,
        network: row.network,
        handle: row.handle,
        claimantResidentId: row.claimant_resident_id,
        holderVerificationId: row.holder_verification_id,
        state: row.state,
        createdAt: row.created_at,
        resolvedAt: row.resolved_at,
        resolvedBy: row.resolved_by,
        device: deps.deviceId,
      },
    },
    deps.clock.now(),
  );
};

const getConflictRow = (deps: CoreDeps, id: string): ConflictRow => {
  const row = deps.db.prepare('SELECT * FROM verification_conflicts WHERE id = ?').get(id) as
    ConflictRow | undefined;
  if (!row) throw new AppError('conflict_not_found', {}, 404);
  return row;
};

/**
 * Puts a refused claim in the manager's queue (once per claimant and handle while open).
 * Runs inside the caller's transaction; returns the conflict id.
 */
export const queueConflict = (
  deps: CoreDeps,
  actor: Actor,
  claim: Claim,
  holder: VerificationRow,
): string => {
  const open = deps.db
    .prepare(
      `SELECT id FROM verification_conflicts WHERE state = 'open' AND network = ? AND handle_key = ?
         AND claimant_resident_id = ?`,
    )
    .get(claim.network, claim.handleKey, claim.residentId) as { id: string } | undefined;
  if (open) return open.id;
  const id = uuidv7();
  deps.db
    .prepare(
      `INSERT INTO verification_conflicts (id, network, handle, handle_key, claimant_resident_id,
         holder_verification_id, claim, state, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    )
    .run(
      id,
      claim.network,
      claim.handle,
      claim.handleKey,
      claim.residentId,
      holder.id,
      JSON.stringify(claim),
      deps.clock.now().toISOString(),
      actor.username,
    );
  audit(deps, {
    actor,
    action: 'verification.conflict_queued',
    subject: `conflict:${id}`,
    details: {
      network: claim.network,
      handle: claim.handle,
      holder: holder.id,
      documentMasked: claim.document.masked,
    },
  });
  publishConflict(deps, getConflictRow(deps, id));
  return id;
};

/** Claims queued before overrides named their grounds only ever overrode an expired document. */
const storedClaim = (json: string): Claim => {
  const c = JSON.parse(json) as Omit<Claim, 'entry' | 'override'> & {
    entry?: Claim['entry'];
    override:
      | (Omit<NonNullable<Claim['override']>, 'grounds'> &
          Partial<Pick<NonNullable<Claim['override']>, 'grounds'>>)
      | null;
  };
  return {
    ...c,
    entry: c.entry ?? 'read',
    override: c.override
      ? { ...c.override, grounds: c.override.grounds ?? ['document_expired'] }
      : null,
  };
};

export const openConflictCount = (deps: CoreDeps): number =>
  deps.db
    .prepare(`SELECT count(*) FROM verification_conflicts WHERE state = 'open'`)
    .pluck()
    .get() as number;

export const createConflictDesk = (deps: CoreDeps, residents: ResidentsPort) => {
  const { db } = deps;

  const view = (row: ConflictRow): Conflict => {
    const holder = findVerification(db, row.holder_verification_id);
    return {
      id: row.id,
      network: row.network,
      handle: row.handle,
      state: row.state,
      claimantResidentId: row.claimant_resident_id,
      claimantName: residents.getById(row.claimant_resident_id)?.fullName ?? null,
      holderResidentId: holder?.resident_id ?? '',
      holderName: holder ? (residents.getById(holder.resident_id)?.fullName ?? null) : null,
      holderVerifiedAt: holder?.verified_at ?? null,
      createdAt: row.created_at,
      createdBy: row.created_by,
      resolvedAt: row.resolved_at,
      resolvedBy: row.resolved_by,
      resolutionReason: row.resolution_reason,
    };
  };

  const list = (state: 'open' | 'all'): Conflict[] =>
    (
      db
        .prepare(
          `SELECT * FROM verification_conflicts WHERE (? = 'all' OR state = 'open')
           ORDER BY created_at DESC LIMIT 500`,
        )
        .all(state) as ConflictRow[]
    ).map(view);

  /** Transfer: the holder's record is revoked and the claim is created as it was asked. */
  const resolve = (
    actor: Actor,
    id: string,
    decision: 'transfer' | 'reject',
    reason: string,
  ): Conflict =>
    inTransaction(deps, () => {
      const row = getConflictRow(deps, id);
      if (row.state !== 'open') throw new AppError('conflict_already_resolved', {}, 409);
      let resultId: string | null = null;
      if (decision === 'transfer') {
        const claim = storedClaim(row.claim);
        const resident = residents.getById(claim.residentId);
        if (!resident || resident.deregistered)
          throw new AppError('resident_not_found', { id: claim.residentId }, 404);
        const holder = verifiedHolder(db, claim.network, claim.handleKey, claim.platformUserId);
        if (holder && holder.resident_id !== claim.residentId) {
          endRecord(deps, actor, holder, 'revoked', 'transferred', reason);
        }
        const pending = claim.confirmsPendingId
          ? findVerification(db, claim.confirmsPendingId)
          : undefined;
        if (pending?.state === 'pending_proof') {
          markVerified(deps, actor, pending);
          resultId = publish(deps, 'verification.verified', pending.id).id;
        } else {
          // The register's name now, and claims queued before 0009 carry none.
          const maskedName = directoryMaskedName(resident.fullName);
          resultId = createRecord(deps, actor, { ...claim, maskedName }).id;
        }
      }
      const now = deps.clock.now().toISOString();
      db.prepare(
        `UPDATE verification_conflicts SET state = ?, resolved_at = ?, resolved_by = ?,
           resolution_reason = ?, result_verification_id = ? WHERE id = ?`,
      ).run(
        decision === 'transfer' ? 'transferred' : 'rejected',
        now,
        actor.username,
        reason,
        resultId,
        id,
      );
      audit(deps, {
        actor,
        action:
          decision === 'transfer'
            ? 'verification.conflict_transferred'
            : 'verification.conflict_rejected',
        subject: `conflict:${id}`,
        details: { network: row.network, handle: row.handle, reason, verification: resultId },
      });
      const updated = getConflictRow(deps, id);
      publishConflict(deps, updated);
      return view(updated);
    });

  return { list, resolve };
};

export type ConflictDesk = ReturnType<typeof createConflictDesk>;
