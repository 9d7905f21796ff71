import type { Database } from 'better-sqlite3-multiple-ciphers';

/** An audit entry as the privacy export lists it. */
export interface AuditRowLite {
  readonly seq: number;
  readonly at: string;
  readonly actor_name: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: string;
}

/**
 * Entries linked to a person: about one of `subjects`, naming `residentId` in their details (as
 * the resident or a candidate), or listing one of the registry `numbers`.
 */
export const auditLinkedTo = (
  db: Database,
  link: { subjects: readonly string[]; residentId: string; numbers: readonly string[] },
): AuditRowLite[] =>
  db
    .prepare(
      `SELECT seq, at, actor_name, action, subject, details FROM audit_log
       WHERE subject IN (SELECT value FROM json_each(@subjects))
          OR json_extract(details, '$.residentId') = @id
          OR EXISTS (SELECT 1 FROM json_each(details, '$.candidates') WHERE value = @id)
          OR EXISTS (SELECT 1 FROM json_each(details, '$.entries')
                     WHERE value IN (SELECT value FROM json_each(@numbers)))`,
    )
    .all({
      subjects: JSON.stringify(link.subjects),
      id: link.residentId,
      numbers: JSON.stringify(link.numbers),
    }) as AuditRowLite[];

export const auditAbout = (db: Database, subject: string): AuditRowLite[] =>
  db
    .prepare(
      `SELECT seq, at, actor_name, action, subject, details FROM audit_log WHERE subject = ?`,
    )
    .all(subject) as AuditRowLite[];

/** When `action` was last recorded, or null if never. */
export const lastRecordedAt = (db: Database, action: string): string | null =>
  (db.prepare('SELECT max(at) FROM audit_log WHERE action = ?').pluck().get(action) as
    string | null) ?? null;
