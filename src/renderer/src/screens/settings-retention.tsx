import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app-context';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';
import { useLoaded } from '../use-loaded';

const FIELDS = [
  { name: 'scannerImageMinutes', min: 1, max: 1440 },
  { name: 'failedLookupDays', min: 1, max: 3650 },
  { name: 'verificationMonths', min: 1, max: 120 },
  { name: 'attachmentDays', min: 0, max: 3650 },
] as const;

/** Retention periods per record type, for managers and admins (Settings and Privacy screens). */
export const RetentionSettings = () => {
  const { t } = useTranslation();
  const { api } = useApp();
  const loaded = useLoaded(() => api.privacyRetentionGet({}));
  const { busy, error, run, value: policy, setValue: setPolicy } = loaded;
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    const v = formValues(e.currentTarget);
    const next = await run(() =>
      api.privacyRetentionUpdate(
        Object.fromEntries(FIELDS.map((f) => [f.name, Number(v[f.name])])),
      ),
    );
    if (next) {
      setPolicy(next);
      setSaved(true);
    }
  };

  if (!policy) return <ErrorBanner message={error} />;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="retention-title">
      <h2 id="retention-title">{t('privacy.retention.title')}</h2>
      <p className="hint">{t('privacy.retention.hint')}</p>
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          label={t(`privacy.retention.${f.name}`)}
          name={f.name}
          type="number"
          min={f.min}
          max={f.max}
          defaultValue={policy[f.name]}
          required
        />
      ))}
      <ErrorBanner message={error} />
      {saved && <Notice>{t('privacy.retention.saved')}</Notice>}
      <button type="submit" className="primary" disabled={busy}>
        {t('privacy.retention.save')}
      </button>
    </form>
  );
};
