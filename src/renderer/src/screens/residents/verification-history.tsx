import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../../shared/contract/verifications';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner } from '../../components/form';
import { verificationStateText } from '../../../../shared/verification-label';
import { useTimes } from '../../time';

/** Every verification of one resident, newest first, as the verifications feature keeps them. */
export const VerificationHistory = ({ residentId }: { residentId: string }) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { error, run } = useAction();
  const times = useTimes();
  const day = (iso: string | null): string => (iso ? times.date(iso) : '—');
  const [rows, setRows] = useState<Verification[] | null>(null);

  useEffect(() => {
    let current = true;
    setRows(null);
    void run(() => api.verifyHistory({ residentId })).then((found) => {
      if (current && found) setRows(found);
    });
    return () => {
      current = false;
    };
  }, [api, run, residentId]);

  return (
    <section aria-labelledby="resident-history-title">
      <h3 id="resident-history-title">{t('residents.ui.historyTitle')}</h3>
      <ErrorBanner message={error} />
      {rows === null && !error && <p role="status">{t('residents.ui.historyLoading')}</p>}
      {rows?.length === 0 && <p className="hint">{t('residents.ui.historyEmpty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-labelledby="resident-history-title">
            <thead>
              <tr>
                <th scope="col">{t('residents.ui.historyDate')}</th>
                <th scope="col">{t('residents.ui.historyHandle')}</th>
                <th scope="col">{t('residents.ui.historyState')}</th>
                <th scope="col">{t('residents.ui.historyDocument')}</th>
                <th scope="col">{t('residents.ui.historyClerk')}</th>
                <th scope="col">{t('residents.ui.historyExpires')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id}>
                  <td>{day(v.createdAt)}</td>
                  <td>
                    <strong>{v.handle}</strong> · {t(`verifications.networks.${v.network}`)}
                  </td>
                  <td>
                    <span className={`state ${v.state}`}>
                      {verificationStateText((key, params) => t(key, params ?? {}), v)}
                    </span>
                  </td>
                  <td>
                    <code>{v.documentMasked}</code> ({v.documentType})
                  </td>
                  <td>{v.clerkName}</td>
                  <td>{day(v.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
