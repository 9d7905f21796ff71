import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Personal fields out, statistics in: the network, state, proof method, document type, clerk,
 * every timestamp and the time to verify stay, so the counts by day, network and
 * time-to-verify (audit statistics) are unchanged. The NOT NULL text columns become ''.
 */
const VERIFICATION_FIELDS = `resident_id = '', handle = '', handle_key = '', platform_user_id = NULL,
  challenge_code = NULL, document_hash = '', document_masked = '', document_expiry = NULL,
  corrected_fields = '[]', override_reason = NULL, end_reason = NULL, pending_request_id = NULL,
  resident_masked_name = NULL`;

const REQUEST_FIELDS = `resident_id = '', handle = '', platform_user_id = NULL`;

const CONFLICT_FIELDS = `handle = '', handle_key = '', claimant_resident_id = '', claim = '{}',
  resolution_reason = NULL`;

const ENDED = `('revoked', 'expired', 'superseded')`;

/** Ended verifications whose end (or creation, for old superseded rows) is on or before `cutoff`. */
export const anonymiseEndedVerifications = (db: Database, cutoff: string, at: string): number =>
  db
    .prepare(
      `UPDATE verifications SET ${VERIFICATION_FIELDS}, anonymised_at = @at
       WHERE anonymised_at IS NULL AND state IN ${ENDED}
         AND coalesce(ended_at, created_at) <= @cutoff`,
    )
    .run({ at, cutoff }).changes;

/** Online requests already used or withdrawn, received on or before `cutoff`. */
export const anonymiseClosedRequests = (db: Database, cutoff: string, at: string): number =>
  db
    .prepare(
      `UPDATE verification_requests SET ${REQUEST_FIELDS}, anonymised_at = @at
       WHERE anonymised_at IS NULL AND state <> 'open' AND received_at <= @cutoff`,
    )
    .run({ at, cutoff }).changes;

/** Resolved conflicts on or before `cutoff`; an open one still needs its claim for a transfer. */
export const anonymiseResolvedConflicts = (db: Database, cutoff: string, at: string): number =>
  db
    .prepare(
      `UPDATE verification_conflicts SET ${CONFLICT_FIELDS}, anonymised_at = @at
       WHERE anonymised_at IS NULL AND state <> 'open' AND coalesce(resolved_at, created_at) <= @cutoff`,
    )
    .run({ at, cutoff }).changes;

/** One resident's records, whatever their age (an erasure). */
export const anonymiseResident = (
  db: Database,
  residentId: string,
  verificationIds: readonly string[],
  at: string,
): { verifications: number; requests: number; conflicts: number; openConflicts: number } => {
  const ids = JSON.stringify(verificationIds);
  const verifications = db
    .prepare(
      `UPDATE verifications SET ${VERIFICATION_FIELDS}, anonymised_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND state IN ${ENDED}`,
    )
    .run(at, ids).changes;
  const requests = db
    .prepare(
      `UPDATE verification_requests SET ${REQUEST_FIELDS}, anonymised_at = ? WHERE resident_id = ?`,
    )
    .run(at, residentId).changes;
  const theirs = `(claimant_resident_id = @residentId
    OR holder_verification_id IN (SELECT value FROM json_each(@ids)))`;
  const conflicts = db
    .prepare(
      `UPDATE verification_conflicts SET ${CONFLICT_FIELDS}, anonymised_at = @at
       WHERE state <> 'open' AND ${theirs}`,
    )
    .run({ at, residentId, ids }).changes;
  const { n: openConflicts } = db
    .prepare(`SELECT count(*) AS n FROM verification_conflicts WHERE state = 'open' AND ${theirs}`)
    .get({ residentId, ids }) as { n: number };
  return { verifications, requests, conflicts, openConflicts };
};
