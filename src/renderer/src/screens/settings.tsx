import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZones } from '../../../shared/contract/settings';
import { useApp } from '../app-context';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';
import { SettingsEnrolment } from './settings-enrolment';
import { RetentionSettings } from './settings-retention';
import { ValiditySettings } from './verify/validity-settings';
import { useLoaded } from '../use-loaded';

export const SettingsScreen = () => {
  const { t } = useTranslation();
  const { api, session, setSession } = useApp();
  const loaded = useLoaded(() => api.settingsGet({}));
  const { busy, error, run, value: settings, setValue: setSettings } = loaded;
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    const v = formValues(e.currentTarget);
    const next = await run(() =>
      api.settingsUpdate({
        townName: v.townName ?? '',
        ineCode: v.ineCode ?? '',
        counterCode: (v.counterCode ?? '').toUpperCase(),
        defaultLanguage: v.defaultLanguage === 'en' ? 'en' : 'es',
        idleLockMinutes: Number(v.idleLockMinutes),
        timeZone: timeZones.find((z) => z === v.timeZone) ?? settings?.timeZone ?? 'Europe/Madrid',
      }),
    );
    if (next) {
      setSettings(next);
      setSaved(true);
      if (session) setSession({ ...session, timeZone: next.timeZone });
    }
  };

  if (!settings) return <ErrorBanner message={error} />;
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('ui.settings.title')}</h1>
      <form className="card" onSubmit={submit}>
        <Field
          label={t('ui.settings.townName')}
          name="townName"
          defaultValue={settings.townName}
          required
        />
        <Field
          label={t('ui.settings.ineCode')}
          name="ineCode"
          defaultValue={settings.ineCode}
          pattern="\d{5}"
          inputMode="numeric"
          required
          hint={t('ui.settings.ineHint')}
        />
        <Field
          label={t('ui.settings.counterCode')}
          name="counterCode"
          defaultValue={settings.counterCode}
          pattern="[A-Za-z0-9]{1,8}"
          required
          hint={t('ui.settings.counterHint')}
        />
        <div className="field">
          <label htmlFor="defaultLanguage">{t('ui.settings.defaultLanguage')}</label>
          <select
            id="defaultLanguage"
            name="defaultLanguage"
            defaultValue={settings.defaultLanguage}
          >
            <option value="es">{t('ui.languages.es')}</option>
            <option value="en">{t('ui.languages.en')}</option>
          </select>
        </div>
        <Field
          label={t('ui.settings.idleLock')}
          name="idleLockMinutes"
          type="number"
          min={1}
          max={240}
          defaultValue={settings.idleLockMinutes}
          required
        />
        <div className="field">
          <label htmlFor="timeZone">{t('ui.settings.timeZone')}</label>
          <select id="timeZone" name="timeZone" defaultValue={settings.timeZone}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {t(`ui.settings.timeZones.${z}`)}
              </option>
            ))}
          </select>
        </div>
        <ErrorBanner message={error} />
        {saved && <Notice>{t('ui.settings.saved')}</Notice>}
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.common.save')}
        </button>
      </form>
      <RetentionSettings />
      <ValiditySettings />
      <SettingsEnrolment />
    </section>
  );
};
