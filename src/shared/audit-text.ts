import { type Language, translate } from './i18n';
import { formatDate, formatDateTime, type TimeFormat } from './time-format';

/**
 * Audit entries in words for a manager: the action's name, the role, the subject and a sentence
 * for the details. The codes stay in the log (and in a column of their own in the CSV).
 */

const known = (lang: Language, key: string): string | null => {
  const text = translate(lang, key);
  return text === key ? null : text;
};

export const auditActionLabel = (lang: Language, action: string): string =>
  known(lang, `auditText.labels.${action}`) ?? action;

export const auditRoleLabel = (lang: Language, role: string): string =>
  known(lang, `auditText.roles.${role}`) ?? role;

/** "verification:0192…" → "Verificación 0192…"; unknown kinds as they are. */
export const auditSubjectText = (lang: Language, subject: string | null): string => {
  if (!subject) return '';
  const colon = subject.indexOf(':');
  if (colon <= 0) return subject;
  const text = known(lang, `auditText.subjects.${subject.slice(0, colon)}`);
  return text ? text.replace('{{id}}', subject.slice(colon + 1)) : subject;
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const parse = (details: string): Record<string, Json> => {
  try {
    const v = JSON.parse(details) as Json;
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
};

const scalar = (v: Json | undefined, none: string): string => {
  if (v === null || v === undefined || v === '') return none;
  if (Array.isArray(v)) return v.length > 0 ? v.map((x) => scalar(x, none)).join(', ') : none;
  if (typeof v === 'object') return none;
  return String(v);
};

const isChange = (v: Json | undefined): v is { from: Json; to: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'from' in v && 'to' in v;

/** The parameters a sentence may name, each already in words. */
const paramsOf = (
  lang: Language,
  action: string,
  d: Record<string, Json>,
  f: TimeFormat,
): Record<string, string> => {
  const none = translate(lang, 'auditText.values.none');
  const word = (group: string, v: Json | undefined) =>
    known(lang, `auditText.values.${group}.${scalar(v, '')}`) ?? scalar(v, none);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) out[k] = scalar(v, none);
  if ('network' in d)
    out.network =
      known(lang, `verifications.networks.${scalar(d.network, '')}`) ?? out.network ?? none;
  if ('format' in d) out.format = scalar(d.format, none).toUpperCase();
  if ('proof' in d) out.proof = word('proofs', d.proof);
  if ('ground' in d) out.ground = word('grounds', d.ground);
  if (action === 'verification.lookup_failed') out.reason = word('lookupReasons', d.reason);
  for (const k of ['role', 'from', 'to'] as const) {
    if (action.startsWith('staff.') && typeof d[k] === 'string')
      out[k] = auditRoleLabel(lang, d[k]);
  }
  if (typeof d.expiry === 'string') out.expiry = formatDate(d.expiry, f);
  if (typeof d.assigned_at === 'string') out.assigned_at = formatDateTime(d.assigned_at, f);
  const filters = d.filters;
  if (filters && typeof filters === 'object' && !Array.isArray(filters)) {
    const set = Object.entries(filters).filter(
      ([, v]) => v !== null && v !== '' && v !== undefined,
    );
    out.filters =
      set.length > 0
        ? set
            .map(([k, v]) => {
              const name = known(lang, `auditText.values.filterNames.${k}`) ?? k;
              const value =
                k === 'action' ? auditActionLabel(lang, scalar(v, none)) : scalar(v, none);
              return `${name} ${value}`;
            })
            .join('; ')
        : translate(lang, 'auditText.values.noFilters');
  }
  const changes = Object.entries(d).filter(([, v]) => isChange(v));
  if (changes.length > 0) {
    out.changes = changes
      .map(([k, v]) =>
        translate(lang, 'auditText.values.change', {
          field: known(lang, `inputFields.${k}`) ?? k,
          from: isChange(v) ? scalar(v.from, none) : none,
          to: isChange(v) ? scalar(v.to, none) : none,
        }),
      )
      .join('; ');
  }
  return out;
};

/** One sentence per entry, in the reader's language; an unknown action lists its fields. */
export const auditDetailsText = (
  lang: Language,
  action: string,
  details: string,
  f: TimeFormat,
): string => {
  const d = parse(details);
  const template = known(lang, `auditText.details.${action}`);
  const params = paramsOf(lang, action, d, f);
  if (!template) {
    return Object.entries(params)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
  }
  const none = translate(lang, 'auditText.values.none');
  return template
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? none)
    .replace(/\s+/g, ' ')
    .trim();
};
