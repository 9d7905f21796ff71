import type { Resident } from '../../shared/contract/residents';
import { hashDocumentNumber } from '../privacy/document-number';
import { normalizeDocumentNumber } from '../../shared/document-number';
import { mrzAlphabet, nameKey, phoneticKey, phoneticWord } from './names';
import { type ResidentRow, type ResidentsRepo, toResident } from './repo';
import { parseDate } from './rows';

/**
 * How well a resident answers a typed query, best first: the inscription id or document number
 * itself, the whole name (in any order, particles and accents aside), every word typed a whole
 * word of the name, every word the start of one, and last a surname that only sounds alike.
 */
const Tier = { Exact: 0, FullName: 1, Words: 2, Prefixes: 3, Sounds: 4, Unranked: 9 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

// Rows read per full-text probe: enough to rank a page, bounded whatever the register's size.
const FTS_CANDIDATES = 200;
const MAX_WORDS = 8;

/** Words as the full-text tokenizer sees them: letters and digits, accents and case folded. */
export const searchWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** A full-text query naming every word (quoted: `searchWords` leaves no quote to escape). */
export const ftsQuery = (words: readonly string[], prefix: boolean): string =>
  words.map((w) => `"${w}"${prefix ? '*' : ''}`).join(' ');

const fullNameOf = (r: ResidentRow): string =>
  [r.given_names, r.surname1, r.surname2 ?? ''].join(' ');

const sortedKey = (text: string): string => nameKey(text).split(' ').sort().join(' ');

const collator = new Intl.Collator('es', { sensitivity: 'base' });

/** Full names split as given names + surnames, or surnames + given names ("García López, José"). */
const nameSplits = (key: string): Array<{ given: string; surnames: string }> => {
  const words = key.split(' ');
  const out: Array<{ given: string; surnames: string }> = [];
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k).join(' ');
    const tail = words.slice(k).join(' ');
    out.push({ given: head, surnames: tail }, { given: tail, surnames: head });
  }
  return out;
};

/** Typed search for the Residents and Privacy screens: id, document number, birth date or name. */
export const searchResidents = (
  repo: ResidentsRepo,
  hmacKey: Buffer,
  query: string,
  limit = 25,
): Resident[] => {
  const q = query.trim();
  const date = parseDate(q);
  if (date) return repo.byBirth(date, limit).map(toResident);

  const found = new Map<number, { row: ResidentRow; tier: Tier }>();
  const add = (rows: Iterable<ResidentRow>, tier?: Tier) => {
    for (const row of rows)
      if (!found.has(row.id)) found.set(row.id, { row, tier: tier ?? Tier.Unranked });
  };

  const byId = repo.byResidentId(q) ?? repo.byResidentId(q.toUpperCase());
  if (byId) add([byId], Tier.Exact);
  const compact = normalizeDocumentNumber(q);
  if (/\d/.test(compact) && /^[A-Z0-9]{5,20}$/.test(compact))
    add(repo.byHash(hashDocumentNumber(hmacKey, compact)), Tier.Exact);

  const words = searchWords(q).slice(0, MAX_WORDS);
  const key = nameKey(q);
  if (words.length > 0) {
    // Whole names through the surnames index, so a common name is never lost past the
    // full-text probe's bound.
    const queryKey = key.split(' ').sort().join(' ');
    // Bounded like the full-text words: each split is an index seek, and 120 typed characters
    // could make a hundred of them.
    const splittable = key !== '' && key.split(' ').length <= MAX_WORDS;
    for (const split of splittable ? nameSplits(key) : []) {
      for (const row of repo.byFullName(split.surnames, phoneticKey(split.given), limit)) {
        if (nameKey(row.given_names) === split.given) add([row], Tier.FullName);
      }
    }
    // A page of ids and whole names already outranks anything the full-text probes could add.
    if (found.size < limit) add(repo.searchNames(ftsQuery(words, false), FTS_CANDIDATES));
    if (found.size < limit) add(repo.searchNames(ftsQuery(words, true), FTS_CANDIDATES));
    // Spelling slips (b/v, c/z/s, ll/y, h) in the first surname.
    const first = mrzAlphabet(q).split(' ')[0];
    if (found.size < limit && first)
      add(repo.byPhoneticSurname(phoneticWord(first), limit), Tier.Sounds);
    for (const hit of found.values()) {
      if (hit.tier !== Tier.Unranked && hit.tier !== Tier.Sounds) continue;
      const name = fullNameOf(hit.row);
      const own = searchWords(name);
      if (sortedKey(name) === queryKey) hit.tier = Tier.FullName;
      else if (words.every((w) => own.includes(w))) hit.tier = Tier.Words;
      else if (words.every((w) => own.some((o) => o.startsWith(w)))) hit.tier = Tier.Prefixes;
      else hit.tier = Tier.Sounds;
    }
  }

  return [...found.values()]
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        Number(b.row.status === 'active') - Number(a.row.status === 'active') ||
        collator.compare(a.row.surname1, b.row.surname1) ||
        collator.compare(a.row.surname2 ?? '', b.row.surname2 ?? '') ||
        collator.compare(a.row.given_names, b.row.given_names) ||
        a.row.resident_id.localeCompare(b.row.resident_id),
    )
    .slice(0, limit)
    .map((h) => toResident(h.row));
};
