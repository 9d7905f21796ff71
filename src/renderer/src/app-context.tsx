import { createContext, useCallback, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VentanillaApi } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/staff';
import { translateError } from '../../shared/i18n';
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
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es';
  return useCallback(
    (error: unknown) => {
      // One translator for screens and the CLI: it words key-valued params (a field, a role).
      return error instanceof ClientError ? translateError(language, error) : t('errors.internal');
    },
    [t, language],
  );
};

/** Runs an action, tracking `busy` and a translated error; a locked session reopens the lock. */
export const useAction = () => {
  const { session, setSession } = useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  // The failure itself is kept, not its text, so a language switch translates it again.
  const [failure, setFailure] = useState<unknown>(null);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setFailure(null);
      try {
        return await fn();
      } catch (e) {
        if (e instanceof ClientError && e.code === 'session_locked' && session) {
          setSession({ ...session, locked: true });
        } else if (e instanceof ClientError && e.code === 'not_signed_in') {
          setSession(null);
        } else setFailure(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [session, setSession],
  );
  const error =
    failure === null ? null : typeof failure === 'string' ? failure : errorText(failure);
  /** A text, an error to translate (a `ClientError`), or null to clear. */
  const setError = useCallback((e: unknown) => setFailure(e ?? null), []);
  return { busy, error, run, setError };
};
