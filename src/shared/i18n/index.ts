import type { Language, Messages } from './define';
import { auditMessages } from './audit';
import { blueskyMessages } from './bluesky';
import { bridgeMessages } from './bridge';
import { centralAdminMessages } from './central-admin';
import { centralAnswerMessages } from './central-answers';
import { cliMessages } from './cli';
import { commonMessages } from './common';
import { consoleMessages } from './console';
import { consoleAdminMessages } from './console-admin';
import { dateMessages } from './dates';
import { desktopMessages } from './desktop';
import { formsMessages } from './forms';
import { foundationErrors } from './foundation-errors';
import { inputErrorMessages } from './input-errors';
import { ocrMessages } from './ocr';
import { privacyMessages } from './privacy';
import { privacyCentralMessages } from './privacy-central';
import { residentsMessages } from './residents';
import { syncMessages } from './sync';
import { syncEnrolMessages } from './sync-enrol';
import { uiMessages } from './ui';
import { verificationTermMessages } from './verification-terms';
import { verificationMessages } from './verifications';

/** One entry per feature file; each adds its own top-level keys (and `errors.*`). */
const catalogs = [
  commonMessages,
  inputErrorMessages,
  dateMessages,
  foundationErrors,
  cliMessages,
  uiMessages,
  ocrMessages,
  auditMessages,
  formsMessages,
  syncMessages,
  syncEnrolMessages,
  centralAnswerMessages,
  centralAdminMessages,
  desktopMessages,
  residentsMessages,
  verificationMessages,
  verificationTermMessages,
  blueskyMessages,
  privacyMessages,
  privacyCentralMessages,
  bridgeMessages,
  consoleMessages,
  consoleAdminMessages,
];

const deepMerge = (a: Messages, b: Messages): Messages => {
  const out: Record<string, string | Messages> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof v === 'object' && typeof prev === 'object' ? deepMerge(prev, v) : v;
  }
  return out;
};

export const messages: Record<Language, Messages> = {
  es: catalogs.reduce<Messages>((acc, c) => deepMerge(acc, c.es), {}),
  en: catalogs.reduce<Messages>((acc, c) => deepMerge(acc, c.en), {}),
};

const lookup = (lang: Language, key: string): string | undefined => {
  let node: string | Messages | undefined = messages[lang];
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
};

/** Plain translation for non-React callers (CLI, PDFs); same `{{param}}` syntax as i18next. */
export const translate = (
  lang: Language,
  key: string,
  params: Record<string, string | number> = {},
): string => {
  const text = lookup(lang, key) ?? lookup('es', key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
};

/** A refused request names its field and problem as keys (see `input-issues.ts`): words here. */
const inputParams = (lang: Language, params: Record<string, string | number> = {}) => {
  const field = lookup(lang, `inputFields.${params.field}`) ?? translate(lang, 'inputFields.input');
  const problem = translate(lang, `inputProblems.${params.problem}`, params);
  return {
    field,
    problem: problem.startsWith('inputProblems.')
      ? translate(lang, 'inputProblems.invalid')
      : problem,
  };
};

/** A param whose value is a key (`who: 'party'`) has its words under `errorParams.<code>.<param>`. */
const wordedParams = (
  lang: Language,
  code: string,
  params: Record<string, string | number> = {},
): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, lookup(lang, `errorParams.${code}.${k}.${v}`) ?? v]),
  );

/** Any error as a person reads it; a code without words here reads as an internal error. */
export const translateError = (
  lang: Language,
  error: { code: string; params?: Record<string, string | number> | undefined },
): string => {
  if (lookup('es', `errors.${error.code}`) === undefined) return translate(lang, 'errors.internal');
  return translate(
    lang,
    `errors.${error.code}`,
    error.code === 'invalid_input'
      ? inputParams(lang, error.params)
      : wordedParams(lang, error.code, error.params),
  );
};

export { languages, type Language } from './define';
