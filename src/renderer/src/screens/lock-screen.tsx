import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues } from '../components/form';
import { LanguageSwitch } from '../components/language-switch';

export const LockScreen = () => {
  const { t } = useTranslation();
  const { api, session, setSession } = useApp();
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { password = '' } = formValues(e.currentTarget);
    const next = await run(() => api.authUnlock({ password }));
    if (next) setSession(next);
  };
  const signOut = async () => {
    await run(() => api.authSignOut({}));
    setSession(null);
  };

  return (
    <main className="centered">
      <form className="card narrow" onSubmit={submit} aria-labelledby="lock-title">
        <LanguageSwitch />
        <h1 id="lock-title">{t('ui.lock.title')}</h1>
        <p>{t('ui.lock.intro', { name: session?.staff.displayName ?? '' })}</p>
        <Field
          label={t('ui.signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
        />
        <ErrorBanner message={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('ui.lock.unlock')}
          </button>
          <button type="button" onClick={signOut}>
            {t('ui.shell.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
};
