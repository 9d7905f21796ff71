import { createContext, useCallback, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VentanillaApi } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/staff';
import { ClientError } from './api/client';

export interface AppState {
  readonly api: VentanillaApi;
  readonly session: SessionInfo | null;
  setSession(session: SessionInfo | null): void;
}

export const AppContext = createContext<AppState | null>(null);

export const useApp = (): AppState => {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
};

/** Translates any error the way the user should read it. */
export const useErrorText = (): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      error instanceof ClientError
        ? t(`errors.${error.code}`, { ...error.params, defaultValue: t('errors.internal') })
        : t('errors.internal'),
    [t],
  );
};

/** Runs an action, tracking `busy` and a translated error; a locked session reopens the lock. */
export const useAction = () => {
  const { session, setSession } = useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await fn();
      } catch (e) {
        if (e instanceof ClientError && e.code === 'session_locked' && session) {
          setSession({ ...session, locked: true });
        } else if (e instanceof ClientError && e.code === 'not_signed_in') {
          setSession(null);
        } else setError(errorText(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [errorText, session, setSession],
  );
  return { busy, error, run, setError };
};
