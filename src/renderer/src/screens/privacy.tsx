import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureReport, PrivacyExport } from '../../../shared/contract/privacy';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';
import { useTimes } from '../time';
import { downloadPdf } from './forms/receipt-print';
import { CentralPrivacyPart } from './privacy-central';
import { ResidentPicker } from './residents/resident-picker';
import { RetentionSettings } from './settings-retention';

const ERASED = ['verifications', 'requests', 'failedLookups', 'entryContacts', 'entryContents'];
const KEPT = ['registerRow', 'registryEntries', 'entriesAwaitingSync', 'auditEntries'];

const downloadJson = (data: PrivacyExport): void => {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `datos-${data.residentId}.json`;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Data-subject rights for managers: see and export what is held about a resident, or erase it. */
export const PrivacyScreen = () => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [data, setData] = useState<PrivacyExport | null>(null);
  const [erased, setErased] = useState<ErasureReport | null>(null);
  const times = useTimes();

  // Looking is audited as a lookup; the JSON and PDF buttons are the exports.
  const open = async (residentId: string) => {
    setErased(null);
    const found = await run(() => api.privacyLookup({ residentId }));
    setData(found ?? null);
  };

  const json = async (residentId: string) => {
    const out = await run(() => api.privacyExport({ residentId }));
    if (out) downloadJson(out);
  };

  const pdf = async (residentId: string) => {
    const out = await run(() =>
      api.privacyExportPdf({ residentId, language: i18n.language === 'en' ? 'en' : 'es' }),
    );
    if (out) downloadPdf(out.base64, out.fileName);
  };

  const erase = async (e: FormEvent<HTMLFormElement>, residentId: string) => {
    e.preventDefault();
    const confirm = formValues(e.currentTarget).confirm ?? '';
    const report = await run(() => api.privacyErase({ residentId, confirm }));
    if (report) {
      setErased(report);
      setData((await run(() => api.privacyLookup({ residentId }))) ?? null);
    }
  };

  const r = data?.register;
  return (
    <section aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t('privacy.title')}</h1>
      <div className="card">
        <ResidentPicker
          label={t('privacy.searchLabel')}
          onPick={(resident) => void open(resident.resident_id)}
        />
      </div>
      <ErrorBanner message={error} />
      {data && r && (
        <div className="card" aria-live="polite" aria-labelledby="privacy-subject">
          <h2 id="privacy-subject">
            {[r.givenNames, r.surname1, r.surname2].filter(Boolean).join(' ')} ·{' '}
            {t('privacy.inscription', { id: data.residentId })}
          </h2>
          <p>
            {t('privacy.summary', {
              name: [r.givenNames, r.surname1, r.surname2].filter(Boolean).join(' '),
              counts: [
                t('privacy.held.verifications', { count: data.verifications.length }),
                t('privacy.held.entries', { count: data.registryEntries.length }),
                t('privacy.held.lookups', { count: data.failedLookups.length }),
                t('privacy.held.audit', { count: data.audit.length }),
              ].join(' · '),
            })}
          </p>
          {data.verifications.length + data.registryEntries.length > 0 && (
            <table className="table">
              <tbody>
                {data.verifications.map((v) => (
                  <tr key={v.id}>
                    <td>{t(`verifications.networks.${v.network}`)}</td>
                    <td>{v.handle || '—'}</td>
                    <td>{t(`verifications.states.${v.state}`)}</td>
                    <td>{times.dateTime(v.createdAt)}</td>
                  </tr>
                ))}
                {data.registryEntries.map((e) => (
                  <tr key={e.id}>
                    <td>{e.officialNumber ?? e.provisionalNumber}</td>
                    <td>{e.epigrafe}</td>
                    <td>{t(`privacy.pdf.roles.${e.role}`)}</td>
                    <td>{times.dateTime(e.filedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void json(data.residentId)}>
              {t('privacy.exportJson')}
            </button>
            <button type="button" disabled={busy} onClick={() => void pdf(data.residentId)}>
              {t('privacy.exportPdf')}
            </button>
          </div>
        </div>
      )}
      {data && <CentralPrivacyPart residentId={data.residentId} />}
      {data && (
        <form
          className="card"
          aria-labelledby="erase-title"
          onSubmit={(e) => void erase(e, data.residentId)}
        >
          <h2 id="erase-title">{t('privacy.eraseTitle')}</h2>
          <p>{t('privacy.eraseIntro')}</p>
          <h3>{t('privacy.counts.erased')}</h3>
          <ul>
            {ERASED.map((k) => (
              <li key={k}>{t(`privacy.erasedList.${k}`)}</li>
            ))}
          </ul>
          <h3>{t('privacy.counts.kept')}</h3>
          <ul>
            {KEPT.map((k) => (
              <li key={k}>{t(`privacy.keptList.${k}`)}</li>
            ))}
          </ul>
          <Field label={t('privacy.confirmLabel')} name="confirm" required autoComplete="off" />
          <button type="submit" disabled={busy}>
            {t('privacy.erase')}
          </button>
          {erased && (
            <Notice>
              {t('privacy.erasedDone')}{' '}
              {t('privacy.counts.verifications', {
                count: erased.erased.verifications,
                revoked: erased.erased.revoked,
              })}{' '}
              ·{' '}
              {t('privacy.counts.failedLookups', {
                count: erased.erased.failedLookups,
                locks: erased.erased.lookupLocks,
              })}{' '}
              ·{' '}
              {t('privacy.counts.registryEntries', {
                count: erased.kept.registryEntries,
                pending: erased.kept.entriesAwaitingSync,
              })}
            </Notice>
          )}
        </form>
      )}
      <RetentionSettings />
    </section>
  );
};
