/**
 * The one place that turns stored instants (ISO 8601, UTC) into what a person reads: local
 * wall-clock time in the town's time zone, in the reader's language. Screens, receipts, PDFs
 * and CSV all go through here, so no raw ISO or UTC time reaches a person.
 */

import { formatDayMonthYear } from './dates';

export const DEFAULT_TIME_ZONE = 'Europe/Madrid';

export interface TimeFormat {
  readonly language: string;
  readonly timeZone: string;
}

const locale = (language: string): string => (language === 'en' ? 'en-GB' : 'es-ES');

/** True when this runtime knows the IANA zone (a typo in Settings must not break every screen). */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const cache = new Map<string, Intl.DateTimeFormat>();
// Keyed by the zone as configured and checked only on a miss: checking builds a formatter, and
// an audit export formats every row.
const formatter = (f: TimeFormat, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${f.language}|${f.timeZone}|${JSON.stringify(options)}`;
  let fmt = cache.get(key);
  if (!fmt) {
    const zone = isTimeZone(f.timeZone) ? f.timeZone : DEFAULT_TIME_ZONE;
    fmt = new Intl.DateTimeFormat(locale(f.language), { ...options, timeZone: zone });
    cache.set(key, fmt);
  }
  return fmt;
};

const toDate = (at: string | Date): Date | null => {
  const d = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? null : d;
};

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** UTC offset of the zone at that instant, as the law writes it: "UTC+01:00". */
export const utcOffset = (at: string | Date, f: TimeFormat): string => {
  const d = toDate(at);
  if (!d) return '';
  const part = formatter(f, { timeZoneName: 'longOffset' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part?.replace(/^GMT/, '') ?? '';
  return `UTC${offset === '' ? '+00:00' : offset}`;
};

/** "04/12/2026 19:20" local; with `offset`, "04/12/2026 19:20:05 (UTC+01:00)" for legal records. */
export const formatDateTime = (
  at: string | Date | null | undefined,
  f: TimeFormat,
  options: { offset?: boolean; seconds?: boolean } = {},
): string => {
  const d = at ? toDate(at) : null;
  if (!d) return '';
  const time = options.seconds || options.offset ? { ...TIME, second: '2-digit' as const } : TIME;
  const text = `${formatter(f, DATE).format(d)} ${formatter(f, time).format(d)}`;
  return options.offset ? `${text} (${utcOffset(d, f)})` : text;
};

/** The local calendar day of an instant; a plain date ("1952-05-03") is shown as it is. */
export const formatDate = (at: string | Date | null | undefined, f: TimeFormat): string => {
  if (!at) return '';
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return formatDayMonthYear(at);
  const d = toDate(at);
  return d ? formatter(f, DATE).format(d) : '';
};

/** Local "19:20". */
export const formatTime = (at: string | Date | null | undefined, f: TimeFormat): string => {
  const d = at ? toDate(at) : null;
  return d ? formatter(f, TIME).format(d) : '';
};

/** The local calendar day as YYYY-MM-DD (for grouping by day where the town lives). */
export const localDay = (at: string | Date, timeZone: string): string => {
  const d = toDate(at);
  if (!d) return '';
  const parts = formatter({ language: 'en', timeZone }, DATE).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
};
