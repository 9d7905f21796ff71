import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Field, formValues } from '../src/components/form';
import { LanguageSwitch } from '../src/components/language-switch';
import { type ConsoleSessionInfo, createConsoleApi } from './api';
import { ConsoleContext } from './context';
import { ConsoleShell } from './shell';
import { useConsoleAction } from './use-action';

// How often the console asks whether central locked the session (another tab, the idle limit).
const POLL_MS = 30_000;

const SignInForm = ({
  onSignIn,
}: {
  onSignIn: (username: string, password: string) => Promise<unknown>;
}) => {
  const { t } = useTranslation();
  const { busy, error, run } = useConsoleAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { username = '', password = '' } = formValues(e.currentTarget);
    await run(() => onSignIn(username, password));
  };
  return (
    <main className="centered">
      <form className="card narrow" onSubmit={submit} aria-labelledby="console-signin-title">
        <LanguageSwitch />
        <p className="eyebrow">{t('console.title')}</p>
        <h1 id="console-signin-title">{t('console.signIn.title')}</h1>
        <Field
          label={t('console.signIn.username')}
          name="username"
          autoComplete="username"
          autoFocus
          required
        />
        <Field
          label={t('console.signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorBanner message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('console.signIn.submit')}
        </button>
      </form>
    </main>
  );
};

const LockedForm = ({
  session,
  onUnlock,
  onSignOut,
}: {
  session: ConsoleSessionInfo;
  onUnlock: (password: string) => Promise<unknown>;
  onSignOut: () => void;
}) => {
  const { t } = useTranslation();
  const { busy, error, run } = useConsoleAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { password = '' } = formValues(e.currentTarget);
    await run(() => onUnlock(password));
  };
  return (
    <main className="centered">
      <form className="card narrow" onSubmit={submit} aria-labelledby="console-locked-title">
        <h1 id="console-locked-title">{t('console.locked.title')}</h1>
        <p>{t('console.locked.who', { name: session.account.displayName })}</p>
        <Field
          label={t('console.signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
        />
        <ErrorBanner message={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('console.locked.unlock')}
          </button>
          <button type="button" onClick={onSignOut}>
            {t('console.shell.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
};

/** The console: sign-in, then the screens of the person's role; idle, it locks. */
export const ConsoleApp = () => {
  const token = useRef<string | null>(null);
  const [session, setSession] = useState<ConsoleSessionInfo | null>(null);
  const api = useMemo(
    () =>
      createConsoleApi(
        () => token.current,
        (code) => {
          if (code === 'session_invalid') {
            token.current = null;
            setSession(null);
          } else setSession((s) => (s ? { ...s, locked: true } : s));
        },
      ),
    [],
  );

  const signIn = async (username: string, password: string) => {
    const answer = await api.post<ConsoleSessionInfo & { token: string }>('/session', {
      username,
      password,
    });
    token.current = answer.token;
    setSession(answer);
  };
  const unlock = async (password: string) =>
    setSession(await api.post<ConsoleSessionInfo>('/session/unlock', { password }));
  const lock = useCallback(() => {
    void api
      .post<ConsoleSessionInfo>('/session/lock')
      .then(setSession)
      .catch(() => undefined);
  }, [api]);
  const signOut = useCallback(() => {
    void api.del('/session').finally(() => {
      token.current = null;
      setSession(null);
    });
  }, [api]);

  const signedIn = session !== null;
  useEffect(() => {
    if (!signedIn) return;
    const timer = window.setInterval(() => {
      void api
        .get<ConsoleSessionInfo>('/session')
        .then(setSession)
        .catch(() => undefined);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, signedIn]);

  if (!session) return <SignInForm onSignIn={signIn} />;
  if (session.locked) return <LockedForm session={session} onUnlock={unlock} onSignOut={signOut} />;
  return (
    <ConsoleContext.Provider value={{ api, session }}>
      <ConsoleShell onLock={lock} onSignOut={signOut} />
    </ConsoleContext.Provider>
  );
};
