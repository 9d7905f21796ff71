import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayStats, Verification } from '../../../../shared/contract/verifications';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner } from '../../components/form';
import { ReasonInput } from '../../components/reason-input';
import { verificationStateText } from '../../../../shared/verification-label';
import { formatDuration } from './print';

/** "Today" at a glance, plus the latest records with their follow-ups (confirm proof, revoke). */
export const TodayPanel = ({
  stats,
  recent,
  onChanged,
}: {
  stats: TodayStats | null;
  recent: Verification[];
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [revoking, setRevoking] = useState<string | null>(null);

  const confirm = (id: string) =>
    void run(() => api.verifyConfirmProof({ id })).then((r) => r && onChanged());

  const revoke = (e: FormEvent<HTMLFormElement>, id: string) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const ground = data.get('ground') === 'decision' ? 'decision' : 'resident_request';
    const reason = String(data.get('reason') ?? '');
    void run(() => api.verifyRevoke({ id, ground, reason })).then((r) => {
      if (!r) return;
      setRevoking(null);
      onChanged();
    });
  };

  return (
    <aside className="today" aria-labelledby="today-title">
      <h2 id="today-title">{t('verifications.ui.today.title')}</h2>
      <dl className="stats">
        <div>
          <dt>{t('verifications.ui.today.done')}</dt>
          <dd>{stats?.done ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('verifications.ui.today.median')}</dt>
          <dd>{formatDuration(stats?.medianMs ?? null)}</dd>
        </div>
        <div>
          <dt>{t('verifications.ui.today.pending')}</dt>
          <dd>{stats?.pendingProofs ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('verifications.ui.today.conflicts')}</dt>
          <dd>{stats?.conflictsWaiting ?? '—'}</dd>
        </div>
      </dl>
      <h3>{t('verifications.ui.today.recent')}</h3>
      <ErrorBanner message={error} />
      <ul className="recent">
        {recent.map((v) => (
          <li key={v.id}>
            <span className="recent-line">
              <strong>{v.handle}</strong> · {t(`verifications.networks.${v.network}`)}
            </span>
            <span className="recent-line">{v.residentName ?? '—'}</span>
            <span className={`state ${v.state}`}>
              {verificationStateText((key, params) => t(key, params ?? {}), v)}
            </span>
            {v.state === 'pending_proof' && (
              <button type="button" disabled={busy} onClick={() => confirm(v.id)}>
                {t('verifications.ui.today.confirm', { code: v.challengeCode ?? '' })}
              </button>
            )}
            {(v.state === 'verified' || v.state === 'pending_proof') && revoking !== v.id && (
              <button type="button" disabled={busy} onClick={() => setRevoking(v.id)}>
                {t('verifications.ui.today.revoke')}
                <span className="sr-only"> {v.handle}</span>
              </button>
            )}
            {revoking === v.id && (
              <form className="revoke" onSubmit={(e) => revoke(e, v.id)}>
                <div className="field">
                  <label htmlFor={`ground-${v.id}`}>{t('verifications.ui.today.ground')}</label>
                  <select id={`ground-${v.id}`} name="ground" defaultValue="resident_request">
                    <option value="resident_request">
                      {t('verifications.ui.today.grounds.resident_request')}
                    </option>
                    <option value="decision">{t('verifications.ui.today.grounds.decision')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`reason-${v.id}`}>{t('verifications.ui.today.reason')}</label>
                  <ReasonInput
                    id={`reason-${v.id}`}
                    name="reason"
                    required
                    minLength={3}
                    autoFocus
                  />
                </div>
                <div className="row">
                  <button type="submit" className="danger" disabled={busy}>
                    {t('verifications.ui.today.revokeConfirm')}
                  </button>
                  <button type="button" onClick={() => setRevoking(null)}>
                    {t('verifications.ui.common.cancel')}
                  </button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
};
