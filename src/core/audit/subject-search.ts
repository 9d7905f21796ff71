import type { Database } from 'better-sqlite3-multiple-ciphers';
import { provisionalNumbersOf } from '../forms/subject-entries';
import { subjectAudit, subjectRecords } from '../privacy/subject';
import { residentsRepo } from '../residents/repo';
import { ftsQuery, searchWords } from '../residents/search';

// A name can match many residents; each costs a pass over the log, so a few are followed.
const MAX_RESIDENTS = 5;

/**
 * The entries about whoever or whatever a manager typed in "Asunto": a resident (by inscription
 * id or name) brings every entry about them, as the privacy export finds them; an entry number
 * (provisional or official) brings its entry's subject. Handles and ids inside the details are
 * found by the caller's contains-match.
 */
export const subjectSeqs = (db: Database, text: string): { seqs: number[]; subjects: string[] } => {
  const q = text.trim();
  const repo = residentsRepo(db);
  const ids = new Set<string>();
  const byId = repo.byResidentId(q) ?? repo.byResidentId(q.toUpperCase());
  if (byId) ids.add(byId.resident_id);
  const words = searchWords(q).filter((w) => /\p{L}/u.test(w));
  if (ids.size === 0 && words.length > 0) {
    for (const r of repo.searchNames(ftsQuery(words, false), MAX_RESIDENTS)) ids.add(r.resident_id);
  }
  const seqs = new Set<number>();
  for (const id of ids)
    for (const row of subjectAudit(db, subjectRecords(db, id))) seqs.add(row.seq);
  const subjects = provisionalNumbersOf(db, q.toUpperCase()).map((n) => `registry:${n}`);
  return { seqs: [...seqs], subjects };
};
