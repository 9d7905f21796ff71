import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApp } from '../app-context';
import { useSyncStatus } from '../components/sync-status';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';

/**
 * Settings section: enrol this counter with central (address + one-time code), the app's
 * version of `ventanilla enroll`. Once enrolled it only says where to.
 */
export const SettingsEnrolment = () => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [status, refresh] = useSyncStatus();
  const [done, setDone] = useState<{ name: string; centralUrl: string } | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    const result = await run(() =>
      api.syncEnrol({ centralUrl: v.centralUrl ?? '', code: v.code ?? '' }),
    );
    if (result) {
      setDone(result);
      await refresh();
    }
  };

  if (!status) return null;
  if (done || status.enrolled) {
    return (
      <section className="card" aria-labelledby="enrolment-title">
        <h2 id="enrolment-title">{t('enrolment.title')}</h2>
        <Notice>
          {done
            ? t('enrolment.done', { name: done.name, url: done.centralUrl })
            : t('enrolment.enrolled', { url: status.centralUrl ?? '' })}
        </Notice>
      </section>
    );
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="enrolment-title">
      <h2 id="enrolment-title">{t('enrolment.title')}</h2>
      <p className="hint">{t('enrolment.intro')}</p>
      <Field
        label={t('enrolment.centralUrl')}
        name="centralUrl"
        inputMode="url"
        required
        autoComplete="off"
        hint={t('enrolment.centralUrlHint')}
      />
      <Field
        label={t('enrolment.code')}
        name="code"
        required
        autoComplete="off"
        spellCheck={false}
        hint={t('enrolment.codeHint')}
      />
      <ErrorBanner message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('enrolment.working') : t('enrolment.submit')}
      </button>
    </form>
  );
};
