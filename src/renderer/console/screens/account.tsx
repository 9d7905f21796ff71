import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Field, formValues, Notice } from '../../src/components/form';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';

const MIN_PASSWORD = 8;

/** The person's own password: the first one was set with `central staff add`. */
export const AccountScreen = () => {
  const { t } = useTranslation();
  const { api, session } = useConsole();
  const { busy, error, run, setError } = useConsoleAction();
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const { current = '', next = '', repeat = '' } = formValues(form);
    setDone(false);
    if (next.length < MIN_PASSWORD)
      return setError(t('console.account.tooShort', { min: MIN_PASSWORD }));
    if (next !== repeat) return setError(t('console.account.differ'));
    if (await run(() => api.post('/password', { current, next }))) {
      form.reset();
      setDone(true);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('console.account.title')}</h1>
      <dl className="facts">
        <dt>{t('console.signIn.username')}</dt>
        <dd>{session.account.username}</dd>
        <dt>{t('console.account.role')}</dt>
        <dd>{t(`console.roles.${session.account.role}`)}</dd>
      </dl>
      <form onSubmit={(e) => void submit(e)} aria-label={t('console.account.change')}>
        <Field
          label={t('console.account.current')}
          name="current"
          type="password"
          autoComplete="current-password"
          required
        />
        <Field
          label={t('console.account.next')}
          name="next"
          type="password"
          autoComplete="new-password"
          required
        />
        <Field
          label={t('console.account.repeat')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
        />
        <ErrorBanner message={error} />
        {done && <Notice>{t('console.account.changed')}</Notice>}
        <button type="submit" className="primary" disabled={busy}>
          {t('console.account.change')}
        </button>
      </form>
    </section>
  );
};
