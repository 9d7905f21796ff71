import i18next from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VentanillaApi } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/staff';
import { AppContext, useErrorText } from './app-context';
import { ErrorBanner } from './components/form';
import { FirstRun } from './screens/first-run';
import { LockScreen } from './screens/lock-screen';
import { Shell } from './screens/shell';
import { SignIn } from './screens/sign-in';

interface Boot {
  readonly needsSetup: boolean;
  readonly townName: string;
}

export const App = ({ api }: { api: VentanillaApi }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<unknown>(null);
  const [session, setSessionState] = useState<SessionInfo | null>(null);
  // Kept out of the shell, which the lock screen replaces: unlocking returns to this screen.
  const [place, setPlace] = useState<{ staffId: number; screen: string } | null>(null);

  const setSession = useCallback((next: SessionInfo | null) => {
    // Someone is signed in, so an administrator exists: signing out leads to sign-in.
    if (next) setBoot((b) => (b?.needsSetup ? { ...b, needsSetup: false } : b));
    setSessionState(next);
  }, []);

  useEffect(() => {
    Promise.all([api.appInfo({}), api.authSession({})])
      .then(([info, current]) => {
        void i18next.changeLanguage(info.defaultLanguage);
        setBoot({ needsSetup: info.needsSetup, townName: info.townName });
        setSession(current);
      })
      .catch((e: unknown) => setBootError(e ?? new Error('boot')));
  }, [api, setSession]);

  const state = useMemo(() => ({ api, session, setSession }), [api, session, setSession]);

  let view;
  if (bootError) view = <ErrorBanner message={errorText(bootError)} />;
  else if (!boot) view = <p className="centered">{t('ui.common.loading')}</p>;
  else if (!session) view = boot.needsSetup ? <FirstRun /> : <SignIn townName={boot.townName} />;
  else if (session.locked) view = <LockScreen />;
  else {
    const staffId = session.staff.id;
    view = (
      <Shell
        session={session}
        townName={boot.townName}
        screen={place?.staffId === staffId ? place.screen : undefined}
        onScreen={(screen) => setPlace({ staffId, screen })}
      />
    );
  }

  return <AppContext.Provider value={state}>{view}</AppContext.Provider>;
};
