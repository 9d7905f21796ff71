import { COUNTER_CODE, isCentralErrorCode } from '../../shared/contract/central-errors';
import { type Language, translate, translateError } from '../../shared/i18n';

// Only plain codes are looked up: a stored value with dots must not name another catalog key.
const words = (lang: Language, group: string, code: string): string | undefined => {
  if (!/^[a-z_]+$/.test(code)) return undefined;
  const key = `console.devices.${group}.${code}`;
  const text = translate(lang, key);
  return text === key ? undefined : text;
};

/** A counter's audit-chain problem in words, with the entry it was seen at. */
export const auditProblemText = (
  lang: Language,
  problem: string,
  seq: number | string | null,
): string =>
  translate(lang, 'console.devices.auditFlag', {
    problem:
      words(lang, 'auditProblems', problem) ??
      translate(lang, 'console.devices.auditProblems.other'),
    seq: seq ?? '—',
  });

/**
 * A counter's last error as central stores it (an op's refusal code, `audit_<problem>@<seq>`)
 * in words: the console's own first, then the sentence the counter shows for central's
 * refusal, then a general one. The code itself never reaches the screen.
 */
export const deviceErrorText = (lang: Language, stored: string): string => {
  const audit = /^audit_([a-z_]+)@(\d+)$/.exec(stored);
  if (audit?.[1] && audit[2]) return auditProblemText(lang, audit[1], audit[2]);
  const own = words(lang, 'lastErrors', stored);
  if (own) return own;
  if (isCentralErrorCode(stored)) return translateError(lang, { code: COUNTER_CODE[stored] });
  return translate(lang, 'console.devices.lastErrors.other');
};
