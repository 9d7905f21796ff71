import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatTime,
  type TimeFormat,
} from '../../shared/time-format';
import { useApp } from './app-context';

/** Times as this town reads them: the zone from Settings, the language of the screen. */
export const useTimes = () => {
  const { i18n } = useTranslation();
  const { session } = useApp();
  const f: TimeFormat = useMemo(
    () => ({
      language: i18n.language === 'en' ? 'en' : 'es',
      timeZone: session?.timeZone ?? DEFAULT_TIME_ZONE,
    }),
    [i18n.language, session?.timeZone],
  );
  return useMemo(
    () => ({
      format: f,
      dateTime: (
        at: string | null | undefined,
        options?: { offset?: boolean; seconds?: boolean },
      ) => formatDateTime(at, f, options),
      date: (at: string | null | undefined) => formatDate(at, f),
      time: (at: string | null | undefined) => formatTime(at, f),
    }),
    [f],
  );
};
