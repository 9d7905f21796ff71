import i18next from 'i18next';
import { useEffect, useMemo, useState } from 'react';
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
  const [session, setSession] = useState<SessionInfo | null>(null);

  useEffect(() => {
    Promise.all([api.appInfo({}), api.authSession({})])
      .then(([info, current]) => {
        void i18next.changeLanguage(info.defaultLanguage);
        setBoot({ needsSetup: info.needsSetup, townName: info.townName });
        setSession(current);
      })
      .catch((e: unknown) => setBootError(e ?? new Error('boot')));
  }, [api]);

  const state = useMemo(() => ({ api, session, setSession }), [api, session]);

  let view;
  if (bootError) view = <ErrorBanner message={errorText(bootError)} />;
  else if (!boot) view = <p className="centered">{t('ui.common.loading')}</p>;
  else if (!session) view = boot.needsSetup ? <FirstRun /> : <SignIn townName={boot.townName} />;
  else if (session.locked) view = <LockScreen />;
  else view = <Shell session={session} townName={boot.townName} />;

  return <AppContext.Provider value={state}>{view}</AppContext.Provider>;
};
