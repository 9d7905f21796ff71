import type { SqlTx } from '../db/store';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

/** Typed words matched literally inside ILIKE: `%` and `_` are not wildcards here. */
const likeText = (s: string | undefined): string | null =>
  s === undefined || s === '' ? null : s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface AuditFilter {
  readonly action?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Words in the entry's detail (a username, a handle, a device id). */
  readonly text?: string | undefined;
  readonly beforeId?: number | undefined;
  readonly limit: number;
}

export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly device_id: string | null;
  readonly detail: Record<string, unknown>;
}

/**
 * The console's reads of the verification desk's tables and central's audit. The rows are
 * written by their own features (appliers, verification routes, `centralAudit`); these are
 * the screens' listings of them, bounded.
 */
export const consoleStore = {
  requests: async (q: SqlTx) =>
    (
      await q.query<{
        id: string;
        resident_id: string;
        network: string;
        handle: string;
        requested_at: Date;
        requested_by: string;
        state: string;
      }>(
        `SELECT id, resident_id, network, handle, requested_at, requested_by, state
         FROM verification_requests ORDER BY (state = 'open') DESC, requested_at DESC LIMIT 200`,
      )
    ).map((r) => ({ ...r, requested_at: iso(r.requested_at) })),

  conflicts: async (q: SqlTx, text: string | undefined) =>
    (
      await q.query<{
        id: string;
        device_id: string;
        device_name: string | null;
        network: string;
        handle: string;
        state: string;
        created_at: Date;
        resolved_at: Date | null;
      }>(
        `SELECT c.id, c.device_id, d.name AS device_name, c.network, c.handle, c.state,
           c.created_at, c.resolved_at
         FROM verification_conflicts c LEFT JOIN devices d ON d.id = c.device_id
         WHERE $1::text IS NULL OR c.handle ILIKE '%' || $1 || '%' OR d.name ILIKE '%' || $1 || '%'
         ORDER BY (c.state = 'open') DESC, c.created_at DESC LIMIT 200`,
        [likeText(text)],
      )
    ).map((r) => ({ ...r, created_at: iso(r.created_at), resolved_at: iso(r.resolved_at) })),

  conflictForUpdate: async (q: SqlTx, id: string) =>
    (
      await q.query<{ id: string; network: string; handle: string; state: string }>(
        'SELECT id, network, handle, state FROM verification_conflicts WHERE id = $1 FOR UPDATE',
        [id],
      )
    )[0],

  closeConflict: async (q: SqlTx, id: string, state: 'transferred' | 'rejected', at: Date) => {
    await q.query(
      `UPDATE verification_conflicts SET state = $2, resolved_at = $3, updated_at = $3
       WHERE id = $1`,
      [id, state, at.toISOString()],
    );
  },

  /** The records in force for one handle other than `except`, oldest first. */
  holdersOf: async (q: SqlTx, network: string, handle: string, except: string) =>
    (
      await q.query<{ id: string }>(
        `SELECT id FROM handle_verifications WHERE network = $1 AND handle = $2
           AND state = 'verified' AND id <> $3 ORDER BY verified_at, id`,
        [network, handle, except],
      )
    ).map((r) => r.id),

  verificationsFor: async (q: SqlTx, network: string, handle: string) =>
    (
      await q.query<{
        id: string;
        device_name: string | null;
        network: string;
        handle: string;
        state: string;
        masked_name: string;
        verified_at: Date | null;
        ended_at: Date | null;
      }>(
        `SELECT v.id, d.name AS device_name, v.network, v.handle, v.state, v.masked_name,
           v.verified_at, v.ended_at
         FROM handle_verifications v LEFT JOIN devices d ON d.id = v.device_id
         WHERE v.network = $1 AND v.handle = $2 ORDER BY v.updated_at DESC LIMIT 50`,
        [network, handle],
      )
    ).map((r) => ({ ...r, verified_at: iso(r.verified_at), ended_at: iso(r.ended_at) })),

  /** Challenges waiting for the code the town's account saw (as `GET /v1/verifications/pending-proofs`). */
  pendingProofs: async (q: SqlTx, now: Date, maxMisses: number) =>
    (
      await q.query<{
        id: string;
        device_name: string | null;
        network: string;
        handle: string;
        challenge_expires_at: Date | null;
      }>(
        `SELECT v.id, d.name AS device_name, v.network, v.handle, v.challenge_expires_at
         FROM handle_verifications v LEFT JOIN devices d ON d.id = v.device_id
         WHERE v.state = 'pending_proof' AND v.proof_confirmed_at IS NULL AND v.proof_misses < $2
           AND (v.challenge_expires_at IS NULL OR v.challenge_expires_at > $1)
         ORDER BY v.challenge_expires_at LIMIT 500`,
        [now.toISOString(), maxMisses],
      )
    ).map((r) => ({ ...r, challenge_expires_at: iso(r.challenge_expires_at) })),

  audit: async (q: SqlTx, f: AuditFilter): Promise<AuditRow[]> =>
    (
      await q.query<{
        id: string;
        at: Date;
        action: string;
        device_id: string | null;
        detail: Record<string, unknown>;
      }>(
        `SELECT id, at, action, device_id, detail FROM central_audit
         WHERE ($1::text IS NULL OR action = $1) AND ($2::timestamptz IS NULL OR at >= $2)
           AND ($3::timestamptz IS NULL OR at < $3)
           AND ($4::text IS NULL OR detail::text ILIKE '%' || $4 || '%' OR device_id ILIKE $4)
           AND ($5::bigint IS NULL OR id < $5)
         ORDER BY id DESC LIMIT $6`,
        [
          f.action ?? null,
          f.from ?? null,
          f.to ?? null,
          likeText(f.text),
          f.beforeId ?? null,
          f.limit,
        ],
      )
    ).map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() })),

  auditActions: async (q: SqlTx): Promise<string[]> =>
    (
      await q.query<{ action: string }>('SELECT DISTINCT action FROM central_audit ORDER BY action')
    ).map((r) => r.action),
};
