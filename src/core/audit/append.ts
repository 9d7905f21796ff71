import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditAction } from '../../shared/contract/audit-actions';
import { utcOffsetMinutes } from '../platform/clock';
import { enqueue } from '../sync/outbox';
import { canonicalJson } from './canonical-json';
import { checkpointDue, writeCheckpoint } from './checkpoints';

export const GENESIS_HASH = '0'.repeat(64);

/** The "who" of every core operation. `system` is the IT person at the CLI or a scheduled job. */
export interface Actor {
  readonly staffId: number | null;
  readonly username: string;
  readonly role: 'clerk' | 'manager' | 'admin' | 'system';
}

export interface AuditInput {
  readonly actor: Actor;
  readonly action: AuditAction;
  /** Masked identifiers only: never a plain document number. */
  readonly subject?: string;
  readonly details?: Record<string, unknown>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly utc_offset_min: number;
  readonly device: string;
  readonly actor_id: number | null;
  readonly actor_name: string;
  readonly actor_role: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: string;
}

const j = JSON.stringify;

/**
 * `canonicalJson(entry)` written out for the entry's fixed, flat shape (keys already in sorted
 * order): byte-identical (tests/core/audit/entry-json.test.ts) and several times faster, which
 * is what verifying 100,000 entries spends its time on.
 */
export const entryJson = (e: AuditEntry): string =>
  `{"action":${j(e.action)},"actor_id":${j(e.actor_id)},"actor_name":${j(e.actor_name)},` +
  `"actor_role":${j(e.actor_role)},"at":${j(e.at)},"details":${j(e.details)},"device":${j(e.device)},` +
  `"seq":${j(e.seq)},"subject":${j(e.subject)},"utc_offset_min":${j(e.utc_offset_min)}}`;

export const entryHash = (prevHash: string, entry: AuditEntry): string =>
  createHash('sha256').update(prevHash).update(entryJson(entry)).digest('hex');

// Prepared once per connection: appending is on every operation's path.
const statements = new WeakMap<Database, { head: Statement; insert: Statement }>();
const prepared = (db: Database) => {
  let s = statements.get(db);
  if (!s) {
    s = {
      head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO audit_log (seq, at, utc_offset_min, device, actor_id, actor_name, actor_role,
           action, subject, details, prev_hash, hash)
         VALUES (@seq, @at, @utc_offset_min, @device, @actor_id, @actor_name, @actor_role,
           @action, @subject, @details, @prev_hash, @hash)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
};

/**
 * Appends to the hash chain, queues the entry for central and, when one is due, a signed
 * checkpoint. The one write path into `audit_log`. Must run inside the domain transaction.
 */
export const appendAudit = (db: Database, device: string, at: Date, input: AuditInput): number => {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the domain transaction');
  const stmt = prepared(db);
  const head = stmt.head.get() as { seq: number; hash: string } | undefined;
  const entry: AuditEntry = {
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    utc_offset_min: utcOffsetMinutes(at),
    device,
    actor_id: input.actor.staffId,
    actor_name: input.actor.username,
    actor_role: input.actor.role,
    action: input.action,
    subject: input.subject ?? null,
    details: canonicalJson(input.details ?? {}),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, entry);
  stmt.insert.run({ ...entry, prev_hash: prevHash, hash });
  enqueue(
    db,
    {
      kind: 'audit.entry',
      entityId: String(entry.seq),
      payload: { ...entry, prev_hash: prevHash, hash },
    },
    at,
  );
  if (checkpointDue(db, entry.seq, at)) writeCheckpoint(db, device, entry.seq, hash, at);
  return entry.seq;
};
