import type {
  MatchCandidate,
  MatchQuery,
  MatchReason,
  Verdict,
} from '../../shared/contract/residents';
import { hashDocumentNumber } from '../privacy/document-number';
import { documentKind, normalizeDocumentNumber } from '../../shared/document-number';
import {
  compareGivenNames,
  compareSurnames,
  confidentRelations,
  type NameRelation,
  relationWeight,
  type ShownName,
} from './compare';
import { nameTokens, phoneticKey, phoneticWord } from './names';
import { type ResidentRow, type ResidentsRepo, toResident } from './repo';

const MAX_CANDIDATES = 10;

const SURNAME_REASONS: Partial<Record<NameRelation, MatchReason>> = {
  exact: 'name_match_exact',
  accent_insensitive: 'name_match_accent_insensitive',
  truncated: 'mrz_truncated_name',
  swapped: 'surnames_swapped',
  second_missing: 'second_surname_missing',
  phonetic: 'surname_phonetic_match',
  similar: 'surname_similar',
  mismatch: 'surname_mismatch',
};
const GIVEN_REASONS: Partial<Record<NameRelation, MatchReason>> = {
  accent_insensitive: 'name_match_accent_insensitive',
  truncated: 'mrz_truncated_name',
  abbreviated: 'given_name_abbreviated',
  partial: 'given_name_partial',
  phonetic: 'given_name_phonetic_match',
  similar: 'given_name_similar',
  mismatch: 'given_name_mismatch',
};

/** Spanish register spellings of the nationalities ICAO writes as codes. */
const NATIONALITY: Record<string, string> = {
  ESPANA: 'ESP',
  ESPANOLA: 'ESP',
  ESPANOL: 'ESP',
  FRANCIA: 'FRA',
  ALEMANIA: 'D',
  DEU: 'D',
  ITALIA: 'ITA',
  REINO_UNIDO: 'GBR',
  MARRUECOS: 'MAR',
  COLOMBIA: 'COL',
  RUMANIA: 'ROU',
  ECUADOR: 'ECU',
  PORTUGAL: 'PRT',
  CHINA: 'CHN',
  UCRANIA: 'UKR',
  VENEZUELA: 'VEN',
  ARGENTINA: 'ARG',
};
const nationalityCode = (raw: string): string => {
  const key = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, '_');
  return NATIONALITY[key] ?? key;
};

type NumberHit = 'document' | 'personal';

interface Scored {
  row: ResidentRow;
  score: number;
  verdict: Verdict;
  reasons: MatchReason[];
  numberHit: boolean;
  /** Same surnames, and the same given name or birth date: twins, namesakes, relatives. */
  lookalike: boolean;
  sameName: boolean;
}

const hashesOf = (hmacKey: Buffer, q: MatchQuery): Map<string, NumberHit> => {
  const out = new Map<string, NumberHit>();
  const add = (raw: string | null | undefined, hit: NumberHit) => {
    if (!raw) return;
    const n = normalizeDocumentNumber(raw);
    if (n.length >= 4 && !out.has(hashDocumentNumber(hmacKey, n)))
      out.set(hashDocumentNumber(hmacKey, n), hit);
  };
  add(q.document_number, 'document');
  // A Spanish passport carries the holder's DNI in its optional data.
  if (q.personal_number && q.personal_number !== q.document_number)
    add(q.personal_number, 'personal');
  return out;
};

const shownDocumentClass = (q: MatchQuery): string | null => {
  if (q.document_type === 'PASSPORT' && q.personal_number) return 'DNI';
  if (q.document_type) return q.document_type;
  return q.document_number ? documentKind(normalizeDocumentNumber(q.document_number)) : null;
};

type NameCache = Map<string, [NameRelation, NameRelation]>;

/** Surname and given-name relations; common names recur among candidates, so once per name. */
const relations = (
  shown: ShownName,
  row: Pick<ResidentRow, 'surname1' | 'surname2' | 'given_names'>,
  cache: NameCache,
): [NameRelation, NameRelation] => {
  const key = `${row.surname1}|${row.surname2 ?? ''}|${row.given_names}`;
  let r = cache.get(key);
  if (!r) {
    const reg = { surname1: row.surname1, surname2: row.surname2, givenNames: row.given_names };
    const s = compareSurnames(shown, reg);
    const given = compareGivenNames(shown, reg);
    // A TD1 line cut inside the surnames leaves no given names at all.
    r = [s, s === 'truncated' && given === 'unknown' ? 'truncated' : given];
    cache.set(key, r);
  }
  return r;
};

const scoreOne = (
  q: MatchQuery,
  shown: ShownName,
  hashes: Map<string, NumberHit>,
  row: ResidentRow,
  cache: NameCache,
): Scored | null => {
  const reasons: MatchReason[] = [];
  const hit = row.document_hash ? hashes.get(row.document_hash) : undefined;
  if (hit)
    reasons.push(hit === 'personal' ? 'passport_personal_number_match' : 'document_number_match');
  else if (hashes.size > 0 && row.document_hash) {
    const shownClass = shownDocumentClass(q);
    reasons.push(
      shownClass && shownClass !== row.document_type
        ? 'registered_with_other_document'
        : 'document_number_mismatch',
    );
  }
  const [s, g] = relations(shown, row, cache);
  const sReason = SURNAME_REASONS[s];
  if (sReason) reasons.push(sReason);
  const gReason = GIVEN_REASONS[g];
  if (gReason && !reasons.includes(gReason)) reasons.push(gReason);
  const birth = q.birth_date ? (q.birth_date === row.birth_date ? 'match' : 'mismatch') : 'unknown';
  if (birth !== 'unknown')
    reasons.push(birth === 'match' ? 'birth_date_match' : 'birth_date_mismatch');
  if (q.nationality && row.nationality) {
    const same = nationalityCode(q.nationality) === nationalityCode(row.nationality);
    reasons.push(same ? 'nationality_match' : 'nationality_mismatch');
  }
  const active = row.status === 'active';
  if (!active) reasons.push('deregistered');

  const namesKnown = s !== 'mismatch' && s !== 'unknown';
  if (!hit && !namesKnown && !(birth === 'match' && g !== 'mismatch' && g !== 'unknown'))
    return null;

  const birthW = birth === 'match' ? 0.25 : birth === 'unknown' ? 0.1 : 0;
  const raw = (hit ? 0.45 : 0) + birthW + 0.2 * relationWeight[s] + 0.1 * relationWeight[g];
  const score = Math.round(Math.min(1, raw * (active ? 1 : 0.9)) * 1000) / 1000;
  const confident = confidentRelations.has(s) && confidentRelations.has(g);
  const nameRoughly = s !== 'mismatch' && s !== 'unknown' && g !== 'mismatch' && g !== 'unknown';
  let verdict: Verdict = 'weak';
  if (hit && birth === 'match' && confident && active) verdict = 'strong';
  else if (hit || (birth === 'match' && nameRoughly)) verdict = 'review';
  const lookalike = confidentRelations.has(s) && (confidentRelations.has(g) || birth === 'match');
  return { row, score, verdict, reasons, numberHit: Boolean(hit), lookalike, sameName: confident };
};

const unrelated = (r: NameRelation): boolean => r === 'mismatch' || r === 'unknown';

// Namesakes on each side of the shown birth date, per phonetic surname key.
const NAMESAKES_PER_SIDE = 5;

/**
 * Candidate rows: by number hash, by birth date, and by phonetic name; all indexed lookups.
 * Of those born on the shown date, only the ones whose names `scoreOne` would keep are read.
 */
const gather = (
  repo: ResidentsRepo,
  q: MatchQuery,
  shown: ShownName,
  hashes: Map<string, NumberHit>,
  cache: NameCache,
): Map<number, ResidentRow> => {
  const rows = new Map<number, ResidentRow>();
  const add = (list: ResidentRow[]) => list.forEach((r) => rows.set(r.id, r));
  for (const hash of hashes.keys()) add(repo.byHash(hash));
  if (q.birth_date) {
    for (const names of repo.namesBornOn(q.birth_date)) {
      if (rows.has(names.id)) continue;
      const [s, g] = relations(shown, names, cache);
      if (unrelated(s) && unrelated(g)) continue;
      const row = repo.byId(names.id);
      if (row) rows.set(row.id, row);
    }
  }
  const given = phoneticKey(q.given_names);
  if (given) {
    const surnames = nameTokens(q.surnames ?? [q.surname1, q.surname2].filter(Boolean).join(' '));
    const keys = new Set([phoneticKey(q.surname1), ...surnames.slice(0, 2).map(phoneticWord)]);
    for (const key of keys) {
      if (!key) continue;
      add(
        q.birth_date
          ? repo.byPhoneticNear(key, given, q.birth_date, NAMESAKES_PER_SIDE)
          : repo.byPhonetic(key, given),
      );
    }
  }
  return rows;
};

/**
 * Ranks residents against a scanned or typed document. The number decides when it can;
 * otherwise name and birth date only ever reach "review", and namesakes are all shown.
 */
export const matchResidents = (
  hmacKey: Buffer,
  repo: ResidentsRepo,
  q: MatchQuery,
): MatchCandidate[] => {
  const shown: ShownName = {
    surnames: q.surnames ?? ([q.surname1, q.surname2].filter(Boolean).join(' ') || null),
    givenNames: q.given_names ?? null,
  };
  const hashes = hashesOf(hmacKey, q);
  const scored: Scored[] = [];
  const cache: NameCache = new Map();
  for (const row of gather(repo, q, shown, hashes, cache).values()) {
    const s = scoreOne(q, shown, hashes, row, cache);
    if (s) scored.push(s);
  }
  const strong = scored.filter((s) => s.verdict === 'strong');
  // Two residents on one number is a register error: a person must look, never the machine.
  if (strong.length > 1) for (const s of strong) s.verdict = 'review';
  // Twins and namesakes: say that the number decided, or that it could not.
  const lookalikes = scored.filter((s) => s.lookalike);
  if (lookalikes.length > 1) {
    for (const s of lookalikes) if (s.numberHit) s.reasons.push('document_number_decides');
  }
  const sameName = scored.filter((s) => s.sameName && !s.numberHit);
  if (scored.filter((s) => s.sameName).length > 1) {
    for (const s of sameName) s.reasons.push('same_name_other_resident');
  }
  const birthGap = (r: ResidentRow) =>
    q.birth_date ? Math.abs(Date.parse(r.birth_date) - Date.parse(q.birth_date)) : 0;
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      birthGap(a.row) - birthGap(b.row) ||
      a.row.resident_id.localeCompare(b.row.resident_id),
  );
  return scored.slice(0, MAX_CANDIDATES).map((s) => ({
    resident_id: s.row.resident_id,
    score: s.score,
    verdict: s.verdict,
    reasons: s.reasons,
    resident: toResident(s.row),
  }));
};
