import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues } from '../components/form';
import { LanguageSwitch } from '../components/language-switch';

export const SignIn = ({ townName }: { townName: string }) => {
  const { t } = useTranslation();
  const { api, setSession } = useApp();
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { username = '', password = '' } = formValues(e.currentTarget);
    const session = await run(() => api.authSignIn({ username, password }));
    if (session) setSession(session);
  };

  return (
    <main className="centered">
      <form className="card narrow" onSubmit={submit} aria-labelledby="signin-title">
        <LanguageSwitch />
        <p className="eyebrow">{townName}</p>
        <h1 id="signin-title">{t('ui.signIn.title')}</h1>
        <Field
          label={t('ui.signIn.username')}
          name="username"
          autoComplete="username"
          autoFocus
          required
        />
        <Field
          label={t('ui.signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorBanner message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.signIn.submit')}
        </button>
      </form>
    </main>
  );
};
