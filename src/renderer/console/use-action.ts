import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/define';
import { errorText } from './api';

/** One user action at a time: busy while it runs, its refusal as a translated sentence. */
export const useConsoleAction = () => {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await fn();
      } catch (e) {
        setError(errorText(i18n.language as Language, e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [i18n],
  );
  return { busy, error, run, setError };
};
