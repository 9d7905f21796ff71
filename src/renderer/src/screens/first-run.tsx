import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues } from '../components/form';
import { LanguageSwitch } from '../components/language-switch';

export const FirstRun = () => {
  const { t } = useTranslation();
  const { api, setSession } = useApp();
  const { busy, error, run, setError } = useAction();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    if (v.password !== v.repeat) return setError(t('ui.firstRun.mismatch'));
    const session = await run(() =>
      api.setupCreateAdmin({
        username: v.username ?? '',
        displayName: v.displayName ?? '',
        password: v.password ?? '',
      }),
    );
    if (session) setSession(session);
  };

  return (
    <main className="centered">
      <form className="card narrow" onSubmit={submit} aria-labelledby="firstrun-title">
        <LanguageSwitch />
        <h1 id="firstrun-title">{t('ui.firstRun.title')}</h1>
        <p>{t('ui.firstRun.intro')}</p>
        <Field label={t('ui.staff.displayName')} name="displayName" required autoFocus />
        <Field
          label={t('ui.signIn.username')}
          name="username"
          autoComplete="username"
          required
          hint={t('ui.staff.usernameHint')}
        />
        <Field
          label={t('ui.signIn.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          hint={t('ui.staff.passwordHint')}
        />
        <Field
          label={t('ui.firstRun.repeat')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
        <ErrorBanner message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.firstRun.submit')}
        </button>
      </form>
    </main>
  );
};
