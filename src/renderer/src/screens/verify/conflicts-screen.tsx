import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/contract/verifications';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner, Notice } from '../../components/form';
import { ReasonInput } from '../../components/reason-input';
import { useTimes } from '../../time';
import { ValiditySettings } from './validity-settings';
import './verify.css';

/** The manager's queue of refused claims: transfer the handle or reject the claim, with a reason. */
export const ConflictsScreen = () => {
  const { t } = useTranslation();
  const times = useTimes();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    void run(() => api.verifyConflicts({ state: 'open' })).then((c) => c && setConflicts(c));
  }, [api, run]);
  useEffect(load, [load]);

  const resolve = (e: FormEvent<HTMLFormElement>, c: Conflict) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value === 'transfer' ? 'transfer' : 'reject';
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
    setNotice(null);
    void run(() => api.verifyResolveConflict({ id: c.id, decision, reason })).then((r) => {
      if (!r) return;
      setNotice(t(`verifications.ui.conflicts.done.${decision}`, { handle: c.handle }));
      load();
    });
  };

  const date = (iso: string) => times.dateTime(iso);

  return (
    <section aria-labelledby="conflicts-title" className="conflicts">
      <h1 id="conflicts-title">{t('verifications.ui.conflicts.title')}</h1>
      <ErrorBanner message={error} />
      {/* One outcome at a time: an error replaces the previous success. */}
      {notice && !error && <Notice>{notice}</Notice>}
      {conflicts.length === 0 && <p>{t('verifications.ui.conflicts.empty')}</p>}
      {conflicts.map((c) => (
        <article key={c.id} className="card" aria-labelledby={`conflict-${c.id}`}>
          <h2 id={`conflict-${c.id}`}>
            {t(`verifications.networks.${c.network}`)} {c.handle}
          </h2>
          <dl className="facts">
            <dt>{t('verifications.ui.conflicts.holder')}</dt>
            <dd>
              {c.holderName ?? '—'} ({c.holderResidentId})
              {c.holderVerifiedAt && ` · ${date(c.holderVerifiedAt)}`}
            </dd>
            <dt>{t('verifications.ui.conflicts.claimant')}</dt>
            <dd>
              {c.claimantName ?? '—'} ({c.claimantResidentId})
            </dd>
            <dt>{t('verifications.ui.conflicts.raised')}</dt>
            <dd>
              {date(c.createdAt)} · {c.createdBy}
            </dd>
          </dl>
          <form onSubmit={(e) => resolve(e, c)} className="resolve">
            <div className="field">
              <label htmlFor={`reason-${c.id}`}>{t('verifications.ui.conflicts.reason')}</label>
              <ReasonInput
                id={`reason-${c.id}`}
                name="reason"
                required
                minLength={3}
                maxLength={500}
              />
            </div>
            <div className="row">
              <button
                type="submit"
                name="decision"
                value="transfer"
                className="primary"
                disabled={busy}
              >
                {t('verifications.ui.conflicts.transfer')}
              </button>
              <button type="submit" name="decision" value="reject" disabled={busy}>
                {t('verifications.ui.conflicts.reject')}
              </button>
            </div>
          </form>
        </article>
      ))}
      <ValiditySettings />
    </section>
  );
};
