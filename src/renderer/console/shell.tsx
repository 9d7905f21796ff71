import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../src/components/language-switch';
import type { ConsoleArea } from './api';
import { useConsole } from './context';
import { AccountScreen } from './screens/account';
import { AuditScreen } from './screens/audit';
import { ConflictsScreen } from './screens/conflicts';
import { DevicesScreen } from './screens/devices';
import { DirectoryScreen } from './screens/directory';
import { FormsScreen } from './screens/forms';
import { ProofsScreen } from './screens/proofs';
import { RegisterScreen } from './screens/register';
import { RequestsScreen } from './screens/requests';
import { RevocationsScreen } from './screens/revocations';

const SCREENS: Record<ConsoleArea, ComponentType> = {
  directory: DirectoryScreen,
  requests: RequestsScreen,
  devices: DevicesScreen,
  register: RegisterScreen,
  forms: FormsScreen,
  conflicts: ConflictsScreen,
  proofs: ProofsScreen,
  revocations: RevocationsScreen,
  audit: AuditScreen,
};

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Locks after the idle time central enforces; central locks it too if this tab is asleep. */
const useIdleLock = (idleMs: number, onIdle: () => void) => {
  useEffect(() => {
    let timer = window.setTimeout(onIdle, idleMs);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, idleMs);
    };
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, reset));
    return () => {
      window.clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [idleMs, onIdle]);
};

export const ConsoleShell = ({
  onLock,
  onSignOut,
}: {
  onLock: () => void;
  onSignOut: () => void;
}) => {
  const { t } = useTranslation();
  const { session } = useConsole();
  const [current, setCurrent] = useState<ConsoleArea | 'account'>(session.areas[0] ?? 'account');
  useIdleLock(session.idle_ms, onLock);
  const Screen = current === 'account' ? AccountScreen : SCREENS[current];
  const entries: (ConsoleArea | 'account')[] = [...session.areas, 'account'];

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <span>{t('console.title')}</span>
        </div>
        <div className="who" aria-label={t('console.shell.signedInAs')}>
          <span>{session.account.displayName}</span>
          <span className="badge">{t(`console.roles.${session.account.role}`)}</span>
        </div>
        <LanguageSwitch />
        <button type="button" onClick={onLock}>
          {t('console.shell.lock')}
        </button>
        <button type="button" onClick={onSignOut}>
          {t('console.shell.signOut')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('console.shell.menu')}>
        <ul>
          {entries.map((id) => (
            <li key={id}>
              <button
                type="button"
                className={id === current ? 'active' : undefined}
                aria-current={id === current ? 'page' : undefined}
                onClick={() => setCurrent(id)}
              >
                {t(`console.nav.${id}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Screen key={current} />
      </main>
    </div>
  );
};
