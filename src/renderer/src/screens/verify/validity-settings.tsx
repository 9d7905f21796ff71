import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner, Field, formValues, Notice } from '../../components/form';

/**
 * How long a verification stays valid when the ID document does not end it first. Managers and
 * admins (Settings and the conflict queue); each change is audited by the operation.
 */
export const ValiditySettings = () => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [months, setMonths] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void run(() => api.verifyPolicy({})).then((p) => p && setMonths(p.validityMonths));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    const validityMonths = Number(formValues(e.currentTarget).validityMonths);
    const next = await run(() => api.verifyPolicy({ validityMonths }));
    if (next) {
      setMonths(next.validityMonths);
      setSaved(true);
    }
  };

  if (months === null) return <ErrorBanner message={error} />;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="validity-title">
      <h2 id="validity-title">{t('verifications.ui.validity.title')}</h2>
      <Field
        label={t('verifications.ui.validity.months')}
        hint={t('verifications.ui.validity.hint')}
        name="validityMonths"
        type="number"
        min={1}
        max={120}
        defaultValue={months}
        required
      />
      <ErrorBanner message={error} />
      {saved && <Notice>{t('verifications.ui.validity.saved', { months })}</Notice>}
      <button type="submit" className="primary" disabled={busy}>
        {t('verifications.ui.validity.save')}
      </button>
    </form>
  );
};
