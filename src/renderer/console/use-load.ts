import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/define';
import { errorText } from './api';

/** A listing loaded on mount and on `reload`, with its refusal as a sentence. */
export const useLoad = <T>(load: () => Promise<T>) => {
  const { i18n } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(errorText(i18n.language as Language, e));
    }
  }, [load, i18n]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
};

/** A time as the person's language writes it; a dash for none. */
export const useWhen = () => {
  const { i18n } = useTranslation();
  return (iso: string | null | undefined): string =>
    iso
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        )
      : '—';
};
