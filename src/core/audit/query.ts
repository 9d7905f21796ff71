import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditFilters, AuditRow } from '../../shared/contract/audit';
import { subjectSeqs } from './subject-search';

interface Where {
  readonly sql: string;
  readonly params: Record<string, string | number>;
}

/** Local calendar day to the UTC instant it starts at, as stored in `at`. */
const dayStart = (day: string, plusDays = 0): string => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

/** Filters to SQL, with every value bound: nothing a manager types reaches the SQL text. */
export const whereOf = (db: Database, f: AuditFilters): Where => {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.from) {
    parts.push('at >= @from');
    params.from = dayStart(f.from);
  }
  if (f.to) {
    parts.push('at < @to');
    params.to = dayStart(f.to, 1);
  }
  if (f.staff) {
    parts.push('actor_name = @staff');
    params.staff = f.staff.toLowerCase();
  }
  if (f.action) {
    parts.push('action = @action');
    params.action = f.action;
  }
  if (f.subject) {
    const entry = /^#(\d{1,15})$/.exec(f.subject);
    if (entry?.[1]) {
      parts.push('seq = @seq');
      params.seq = Number(entry[1]);
    } else {
      // A contains-match finds "staff:ana" from "ana", and a handle or id in the details; a
      // resident or an entry number brings the entries about them too.
      const about = subjectSeqs(db, f.subject);
      parts.push(
        // Not the log's own viewings, whose details repeat what was searched for.
        `(subject LIKE @subject ESCAPE '\\'
          OR (action NOT LIKE 'audit.%' AND details LIKE @subject ESCAPE '\\')
          OR seq IN (SELECT value FROM json_each(@aboutSeqs))
          OR subject IN (SELECT value FROM json_each(@aboutSubjects)))`,
      );
      params.subject = `%${f.subject.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.aboutSeqs = JSON.stringify(about.seqs);
      params.aboutSubjects = JSON.stringify(about.subjects);
    }
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
};

const COLUMNS = `seq, at, utc_offset_min AS utcOffsetMin, device, actor_id AS actorId,
  actor_name AS actorName, actor_role AS actorRole, action, subject, details, hash`;

export const countAudit = (db: Database, filters: AuditFilters): number => {
  const w = whereOf(db, filters);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(w.params) as { n: number })
    .n;
};

/** One page, newest first: what the virtualised table asks for as it scrolls. */
export const listAudit = (
  db: Database,
  filters: AuditFilters,
  offset: number,
  limit: number,
): AuditRow[] => {
  const w = whereOf(db, filters);
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit, offset }) as AuditRow[];
};

/** Every matching entry, oldest first, streamed: exports of 100,000 rows never sit in one array. */
export const iterateAudit = (db: Database, filters: AuditFilters): IterableIterator<AuditRow> => {
  const w = whereOf(db, filters);
  return db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY seq`)
    .iterate(w.params) as IterableIterator<AuditRow>;
};
