/** Spanish surname particles that belong to the surname that follows them. */
const PARTICLES = new Set(['DE', 'DEL', 'LA', 'LAS', 'LOS']);

export interface SplitSurnames {
  surname1: string | null;
  surname2: string | null;
  surnames: string | null;
}

/**
 * Splits the joined surnames into first and second surname, keeping particles
 * (`DE`, `DEL`, `DE LA`, `DE LOS`, `DE LAS`) with the next word and `Y` joining
 * two words into one compound surname: `DEL OLMO GARCIA` -> `DEL OLMO` + `GARCIA`.
 */
export const splitSurnames = (joined: string): SplitSurnames => {
  const words = joined
    .trim()
    .split(/[\s<]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return { surname1: null, surname2: null, surnames: null };
  const groups: string[][] = [];
  let current: string[] = [];
  let mergeNext = false;
  for (const word of words) {
    const upper = word.toUpperCase();
    const last = groups.at(-1);
    if (upper === 'Y' && current.length === 0 && last) {
      last.push(word);
      mergeNext = true;
      continue;
    }
    current.push(word);
    if (PARTICLES.has(upper)) continue;
    if (mergeNext && last) last.push(...current);
    else groups.push(current);
    mergeNext = false;
    current = [];
  }
  // Trailing particles with no word after them stay with the last surname.
  if (current.length > 0) {
    const last = groups.at(-1);
    if (last) last.push(...current);
    else groups.push(current);
  }
  const merged = groups;
  const [first, ...rest] = merged;
  const surname1 = first ? first.join(' ') : null;
  const surname2 = rest.length > 0 ? rest.map((g) => g.join(' ')).join(' ') : null;
  return { surname1, surname2, surnames: words.join(' ') };
};
