import type { Verification } from './contract/verifications';

type Translator = (key: string, params?: Record<string, string>) => string;

/**
 * A record's state as every place shows it (done screen, history, today panel, receipt): the saved
 * state, and, when a manager authorised it, by whom and what the authorisation covered.
 */
export const verificationStateText = (
  t: Translator,
  v: Pick<Verification, 'state' | 'overrideBy' | 'overrideGrounds'>,
): string => {
  const state = t(`verifications.states.${v.state}`);
  if (!v.overrideBy || v.overrideGrounds.length === 0) return state;
  const grounds = v.overrideGrounds.map((g) => t(`verifications.overrideGrounds.${g}`)).join(', ');
  return t('verifications.authorised', { state, manager: v.overrideBy, grounds });
};
