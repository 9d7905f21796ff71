import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract/staff';
import { useApp } from '../app-context';
import { LanguageSwitch } from '../components/language-switch';
import { SyncStatusBadge } from '../components/sync-status';
import { mayCall } from '../use-can';
import { screens } from './registry';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Locks the screen after the configured idle time; the core enforces the same limit. */
const useIdleLock = (session: SessionInfo, onIdle: () => void) => {
  useEffect(() => {
    let timer = window.setTimeout(onIdle, session.idleLockMinutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, session.idleLockMinutes * 60_000);
    };
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, reset));
    return () => {
      window.clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [session.idleLockMinutes, onIdle]);
};

interface ShellProps {
  readonly session: SessionInfo;
  readonly townName: string;
  /** The screen to open on, e.g. the one this person was on before the lock. */
  readonly screen: string | undefined;
  readonly onScreen: (screen: string) => void;
}

export const Shell = ({ session, townName, screen, onScreen }: ShellProps) => {
  const { t } = useTranslation();
  const { api, setSession } = useApp();
  const allowed = screens.filter((s) => mayCall(s.op, session.staff.role));
  const [current, setCurrentState] = useState(
    allowed.some((s) => s.id === screen) && screen ? screen : (allowed[0]?.id ?? 'status'),
  );
  const setCurrent = (id: string) => {
    setCurrentState(id);
    onScreen(id);
  };
  const Screen = allowed.find((s) => s.id === current)?.component;

  const lock = useCallback(() => {
    void api.authLock({}).finally(() => setSession({ ...session, locked: true }));
  }, [api, session, setSession]);
  useIdleLock(session, lock);

  const signOut = () => {
    void api.authSignOut({}).finally(() => setSession(null));
  };

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <span>{townName}</span>
        </div>
        <div className="who" aria-label={t('ui.shell.signedInAs')}>
          <span>{session.staff.displayName}</span>
          <span className="badge">{t(`ui.roles.${session.staff.role}`)}</span>
        </div>
        <SyncStatusBadge />
        <LanguageSwitch />
        <button type="button" onClick={lock}>
          {t('ui.shell.lock')}
        </button>
        <button type="button" onClick={signOut}>
          {t('ui.shell.signOut')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('ui.shell.menu')}>
        <ul>
          {allowed.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === current ? 'active' : ''}
                aria-current={s.id === current ? 'page' : undefined}
                onClick={() => setCurrent(s.id)}
              >
                {t(s.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="content">
        {Screen && <Screen />}
      </main>
    </div>
  );
};
