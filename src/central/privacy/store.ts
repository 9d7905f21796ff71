import type { SqlTx } from '../db/store';

/** Timestamps come back as Date (PGlite, pg) or text: one ISO form for the export. */
export const isoOf = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

export interface HeldVerification {
  id: string;
  device_id: string;
  device_name: string | null;
  network: string;
  handle: string;
  state: string;
  proof_method: string;
  platform_user_id: string | null;
  verified_at: Date | string | null;
  expires_at: Date | string | null;
  ended_at: Date | string | null;
  end_ground: string | null;
  updated_at: Date | string;
}

export interface HeldRequest {
  id: string;
  network: string;
  handle: string;
  requested_at: Date | string;
  state: string;
}

export interface HeldConflict {
  id: string;
  network: string;
  handle: string;
  state: string;
  created_at: Date | string;
  resolved_at: Date | string | null;
}

export interface HeldAudit {
  source: 'central' | 'counter';
  seq: number;
  at: Date | string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
}

type Pair = { network: string; handle: string };
const pairsJson = (pairs: readonly Pair[]) =>
  JSON.stringify(pairs.map((p) => [p.network, p.handle]));

/** Central's SQL for one data subject: what it holds about a resident id, and its erasure. */
export const privacyStore = {
  registerRow: async (q: SqlTx, residentId: string) =>
    (
      await q.query<{ status: string; deregistered_on: string | null; fields: unknown }>(
        'SELECT status, deregistered_on, fields FROM register_residents WHERE resident_id = $1',
        [residentId],
      )
    )[0],

  verifications: (q: SqlTx, residentId: string, forUpdate = false) =>
    q.query<HeldVerification>(
      `SELECT v.id, v.device_id, d.name AS device_name, v.network, v.handle, v.state, v.proof_method,
         v.platform_user_id, v.verified_at, v.expires_at, v.ended_at, v.end_ground, v.updated_at
       FROM handle_verifications v LEFT JOIN devices d ON d.id = v.device_id
       WHERE v.resident_id = $1 ORDER BY v.updated_at, v.id${forUpdate ? ' FOR UPDATE OF v' : ''}`,
      [residentId],
    ),

  requests: (q: SqlTx, residentId: string) =>
    q.query<HeldRequest>(
      `SELECT id, network, handle, requested_at, state FROM verification_requests
       WHERE resident_id = $1 ORDER BY requested_at, id`,
      [residentId],
    ),

  /** Registry entries they filed as the interested party (the counter's content, as hashed). */
  registryEntries: (q: SqlTx, residentId: string) =>
    q.query<{
      entry_id: string;
      provisional_number: string;
      official_number: string;
      content: {
        filed_at?: string;
        epigrafe?: string;
        addressee?: string;
        party?: unknown[];
        data?: unknown;
      };
      attachments: { filename: string; size: number }[];
    }>(
      `SELECT e.entry_id, e.provisional_number, e.official_number, e.content,
         coalesce((SELECT json_agg(json_build_object('filename', a.filename, 'size', a.size)
           ORDER BY a.filename) FROM registry_attachments a WHERE a.entry_id = e.entry_id), '[]') AS attachments
       FROM registry_entries e WHERE e.content->'party'->>1 = $1 ORDER BY e.year, e.seq`,
      [residentId],
    ),

  /** Conflicts over the handles their verifications or requests named. */
  conflicts: (q: SqlTx, pairs: readonly Pair[]) =>
    q.query<HeldConflict>(
      `SELECT c.id, c.network, c.handle, c.state, c.created_at, c.resolved_at
       FROM verification_conflicts c
       WHERE c.handle <> '' AND EXISTS (SELECT 1 FROM jsonb_array_elements($1::jsonb) p
         WHERE p->>0 = c.network AND p->>1 = c.handle)
       ORDER BY c.created_at, c.id`,
      [pairsJson(pairs)],
    ),

  /** Directory rows for those handles (masked name, since when, revoked or not). */
  directory: (q: SqlTx, pairs: readonly Pair[]) =>
    q.query<{
      network: string;
      handle: string;
      masked_name: string;
      verified_since: Date | string;
      revoked_at: Date | string | null;
    }>(
      `SELECT h.network, h.handle, h.masked_name, h.verified_since, h.revoked_at FROM handles h
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements($1::jsonb) p
         WHERE p->>0 = h.network AND p->>1 = h.handle)
       ORDER BY h.network, h.handle`,
      [pairsJson(pairs)],
    ),

  /**
   * Audit entries that name them: central's own (the resident id or one of their handles in
   * the details, a look-up's handle as the official typed it) and the counters' chains as
   * received (subject `resident:<id>`).
   */
  audit: (q: SqlTx, residentId: string, pairs: readonly Pair[]) =>
    q.query<HeldAudit>(
      `SELECT 'central' AS source, id AS seq, at, coalesce(device_id, 'central') AS actor, action,
         NULL AS subject, detail::text AS details
       FROM central_audit a
       WHERE a.detail->>'resident_id' = $1 OR a.detail->>'residentId' = $1
         OR EXISTS (SELECT 1 FROM jsonb_array_elements($2::jsonb) p
           WHERE ltrim(p->>1, '@') = ltrim(lower(a.detail->>'handle'), '@'))
       UNION ALL
       SELECT 'counter', seq, (entry->>'at')::timestamptz, entry->>'actor_name', entry->>'action',
         entry->>'subject', entry->>'details'
       FROM audit_entries WHERE entry->>'subject' = $3
       ORDER BY 3, 2`,
      [residentId, pairsJson(pairs), `resident:${residentId}`],
    ),

  endVerification: (q: SqlTx, id: string, at: Date) =>
    q.query(
      `UPDATE handle_verifications SET state = 'revoked', ended_at = $2,
         end_ground = 'resident_request', updated_at = $2 WHERE id = $1`,
      [id, at.toISOString()],
    ),

  /** Personal fields out; network, state, proof method and dates stay for the statistics. */
  anonymiseVerifications: async (q: SqlTx, residentId: string, at: Date) =>
    (
      await q.query(
        `UPDATE handle_verifications SET resident_id = '', handle = '', masked_name = '',
           platform_user_id = NULL, display_name = NULL, challenge_sha256 = NULL,
           pending_request_id = NULL, updated_at = $2
         WHERE resident_id = $1 RETURNING id`,
        [residentId, at.toISOString()],
      )
    ).length,

  anonymiseRequests: async (q: SqlTx, residentId: string, at: Date) =>
    (
      await q.query(
        `UPDATE verification_requests SET resident_id = '', handle = '', platform_user_id = NULL,
           updated_at = $2 WHERE resident_id = $1 RETURNING id`,
        [residentId, at.toISOString()],
      )
    ).length,

  /** Resolved conflicts lose the handle; an open one still needs it to be settled. */
  anonymiseResolvedConflicts: async (q: SqlTx, pairs: readonly Pair[], at: Date) =>
    (
      await q.query(
        `UPDATE verification_conflicts c SET handle = '', updated_at = $2
         WHERE c.state <> 'open' AND c.handle <> '' AND EXISTS (
           SELECT 1 FROM jsonb_array_elements($1::jsonb) p
           WHERE p->>0 = c.network AND p->>1 = c.handle)
         RETURNING id`,
        [pairsJson(pairs), at.toISOString()],
      )
    ).length,

  /**
   * Bluesky handles their verifications had before a rename the drift watch followed: the
   * directory still has a revoked row under each, with the masked name.
   */
  formerHandles: (q: SqlTx, verificationIds: readonly string[]) =>
    q.query<Pair>(
      `SELECT DISTINCT 'bluesky' AS network, '@' || ltrim(detail->>'from', '@') AS handle
       FROM central_audit WHERE action = 'bluesky.handle_changed' AND detail->>'id' = ANY($1::text[])`,
      [verificationIds],
    ),

  /**
   * Their Bluesky records keep only what the town's delete needs (its own repo and the rkey):
   * the subject's DID, handle and display name go now, not when the PDS confirms, which never
   * happens while the town's account is missing. Here rather than in the Bluesky store, which
   * another change is reworking; the worker reads these rows as its own.
   */
  blankBlueskyRecords: async (q: SqlTx, verificationIds: readonly string[], at: Date) =>
    (
      await q.query(
        `UPDATE bluesky_records SET subject_did = '', handle = '', display_name = NULL,
           next_attempt_at = CASE WHEN want = 'present' THEN $2 ELSE next_attempt_at END,
           attempts = CASE WHEN want = 'present' THEN 0 ELSE attempts END,
           want = 'absent', updated_at = $2
         WHERE verification_id = ANY($1::text[])
           AND (subject_did <> '' OR handle <> '' OR display_name IS NOT NULL)
         RETURNING verification_id`,
        [verificationIds, at.toISOString()],
      )
    ).length,

  /** A directory row nobody holds any more (revoked): its masked name goes with it. */
  dropRevokedDirectory: async (q: SqlTx, pairs: readonly Pair[]) =>
    (
      await q.query(
        `DELETE FROM handles h WHERE h.revoked_at IS NOT NULL AND EXISTS (
           SELECT 1 FROM jsonb_array_elements($1::jsonb) p
           WHERE p->>0 = h.network AND p->>1 = h.handle)
         RETURNING handle`,
        [pairsJson(pairs)],
      )
    ).length,
};
