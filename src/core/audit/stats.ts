import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditStats } from '../../shared/contract/audit';
import { localDay } from '../../shared/time-format';
import { openWork, timesToVerify } from '../verifications/repo';
import { whereOf } from './query';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Monday of the ISO week a local day falls in, as YYYY-MM-DD. */
const weekOf = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

/**
 * The manager's figures. Counts come from the audit log (it records every verification, filing
 * and failed lookup, whoever made them); time-to-verify and what is still open come from the
 * verification desk's own tables.
 */
export const auditStats = (
  db: Database,
  range: { from?: string; to?: string },
  timeZone: string,
): AuditStats => {
  const w = whereOf(db, range);
  const and = w.sql ? `${w.sql} AND` : 'WHERE';
  // Counted per UTC hour in SQL, then each hour put on the town's calendar day: every zone
  // a town can choose is a whole number of hours from UTC, so no entry lands on the wrong day.
  const perDay = (action: string) => {
    const hours = db
      .prepare(
        `SELECT substr(at, 1, 13) AS hour, actor_name AS clerk, count(*) AS count FROM audit_log
         ${and} action = @action GROUP BY hour, clerk`,
      )
      .all({ ...w.params, action }) as { hour: string; clerk: string; count: number }[];
    const days = new Map<string, { day: string; clerk: string; count: number }>();
    for (const h of hours) {
      const day = localDay(`${h.hour}:00:00Z`, timeZone);
      const key = `${day}\u0000${h.clerk}`;
      const prior = days.get(key);
      if (prior) prior.count += h.count;
      else days.set(key, { day, clerk: h.clerk, count: h.count });
    }
    return [...days.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || a.clerk.localeCompare(b.clerk),
    );
  };
  const formsByTemplate = db
    .prepare(
      `SELECT coalesce(json_extract(details, '$.template'), '?') AS template, count(*) AS count FROM audit_log
       ${and} action = 'forms.filed' GROUP BY template ORDER BY count DESC, template`,
    )
    .all(w.params) as { template: string; count: number }[];
  const failedLookups = perDay('verification.lookup_failed').reduce<
    { day: string; count: number }[]
  >((acc, r) => {
    const last = acc.at(-1);
    if (last?.day === r.day) last.count += r.count;
    else acc.push({ day: r.day, count: r.count });
    return acc;
  }, []);

  const ttv = timesToVerify(db, { from: w.params.from ?? null, to: w.params.to ?? null });
  const weeks = new Map<string, number[]>();
  for (const r of ttv) {
    const week = weekOf(localDay(r.at, timeZone));
    weeks.set(week, [...(weeks.get(week) ?? []), r.ms]);
  }
  return {
    verificationsPerDay: perDay('verification.created'),
    medianTimeToVerifyPerWeek: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, ms]) => ({
        week,
        medianSeconds: Math.round(median(ms) / 100) / 10,
        count: ms.length,
      })),
    formsByTemplate,
    failedLookups,
    ...openWork(db),
  };
};
