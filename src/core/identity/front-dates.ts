/** Dates read from a front, by the label each sat under (if any). */
export interface FrontDates {
  birth: string | null;
  issue: string | null;
  expiry: string | null;
  /** Dates under no label the reading could match, in print order. */
  loose: readonly string[];
  /** False for a paper that prints no expiry (a NIE certificate): none is guessed for it. */
  printsExpiry?: boolean;
}

export interface ResolvedDates {
  birth: string | null;
  expiry: string | null;
  birthSure: boolean;
  expirySure: boolean;
}

const years = (from: string, to: string): number =>
  Number(to.slice(0, 4)) - Number(from.slice(0, 4));

/**
 * Tells birth, issue and expiry apart. A label wins; the expiry comes after the issue and
 * the birth; a date whose label was not read is placed by order and left for the clerk to
 * confirm, so an issue date is never taken silently for the expiry.
 */
export const resolveDates = (d: FrontDates): ResolvedDates => {
  let { birth, issue, expiry } = d;
  const labelled = { birth: birth !== null, expiry: expiry !== null };
  let swapped = false;
  if (issue && expiry && expiry <= issue) {
    // Side-by-side values taken in the wrong order: the later date is the expiry.
    [issue, expiry] = [expiry, issue];
    swapped = true;
  }
  let known = [birth, issue, expiry].filter((x): x is string => x !== null);
  const loose = [...new Set(d.loose)].filter((x) => !known.includes(x)).sort();
  const latest = loose.at(-1);
  if (expiry && latest && latest > expiry) {
    // The expiry is the latest date a front prints: a later one left over means the expiry
    // label took the issue date printed beside it (whose own label was lost).
    issue ??= expiry;
    expiry = latest;
    loose.pop();
    swapped = true;
    known = [birth, issue, expiry].filter((x): x is string => x !== null);
  }
  if (!birth) {
    const earliest = [...loose, ...known].sort()[0];
    // An unlabelled date is the birth only if some other date follows it.
    if (earliest && loose.includes(earliest) && known.length + loose.length >= 2) {
      birth = earliest;
      loose.splice(loose.indexOf(earliest), 1);
    }
  }
  if (!expiry && d.printsExpiry !== false) {
    const latest = loose.at(-1);
    if (latest && (!birth || latest > birth) && (!issue || latest > issue)) expiry = latest;
    else if (latest && issue && latest < issue && (!birth || latest > birth)) {
      // The issue label took the later of two dates printed side by side: it is the expiry.
      [issue, expiry] = [latest, issue];
    }
  }
  const plausibleBirth =
    birth !== null && (!expiry || (expiry > birth && years(birth, expiry) <= 130));
  const plausibleExpiry =
    expiry !== null && (!birth || expiry > birth) && (!issue || expiry > issue);
  return {
    birth,
    expiry,
    birthSure: labelled.birth && plausibleBirth && (!issue || issue > (birth ?? '')),
    expirySure: labelled.expiry && !swapped && plausibleExpiry,
  };
};
