import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, formValues, Notice } from '../../src/components/form';
import { query } from '../api';
import { InlineForm, ReasonField } from '../components/inline-form';
import { ResultsTable } from '../components/results-table';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useWhen } from '../use-load';

interface VerificationRecord {
  readonly id: string;
  readonly device_name: string | null;
  readonly network: string;
  readonly handle: string;
  readonly state: string;
  readonly masked_name: string;
  readonly verified_at: string | null;
}

const RevokeForm = ({
  record,
  onDone,
}: {
  record: VerificationRecord;
  onDone: (text: string) => void;
}) => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const { busy, error, run } = useConsoleAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { reason = '' } = formValues(e.currentTarget);
    const done = await run(() =>
      api.post(`/verifications/${encodeURIComponent(record.id)}/revoke`, { reason }),
    );
    if (done) onDone(t('console.revocations.revoked', { handle: record.handle }));
  };
  return (
    <InlineForm
      label={t('console.revocations.reasonFor', { handle: record.handle })}
      field={<ReasonField />}
      error={error}
      onSubmit={(e) => void submit(e)}
    >
      <button type="submit" className="danger" disabled={busy}>
        {t('console.revocations.revoke')}
      </button>
    </InlineForm>
  );
};

/** The DPO revokes a verification (an account reported taken over), with the reason recorded. */
export const RevocationsScreen = () => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const when = useWhen();
  const { busy, error, run } = useConsoleAction();
  const [q, setQ] = useState<string | null>(null);
  const [records, setRecords] = useState<VerificationRecord[] | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const search = async (text: string) => {
    const found = await run(() =>
      api.get<{ verifications: VerificationRecord[] }>(`/verifications${query({ q: text })}`),
    );
    if (found) setRecords(found.verifications);
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const text = formValues(e.currentTarget).q ?? '';
    setQ(text);
    setDone(null);
    await search(text);
  };

  return (
    <section className="card wide" aria-labelledby="revocations-title">
      <h1 id="revocations-title">{t('console.revocations.title')}</h1>
      <p className="hint">{t('console.revocations.intro')}</p>
      <form className="console-form" role="search" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="revocations-q">{t('console.directory.query')}</label>
          <input id="revocations-q" name="q" required maxLength={300} autoComplete="off" />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('console.common.search')}
        </button>
      </form>
      <ErrorBanner message={error} />
      {done && <Notice>{done}</Notice>}
      <ResultsTable
        rows={records}
        none={<p>{t('console.revocations.none', { query: q })}</p>}
        caption={t('console.revocations.listTitle', { query: q })}
        headers={[
          t('console.directory.handle'),
          t('console.directory.network'),
          t('console.directory.maskedName'),
          t('console.conflicts.counter'),
          t('console.directory.since'),
          t('console.requests.state'),
          t('console.common.actions'),
        ]}
        row={(r) => (
          <tr key={r.id}>
            <td>{r.handle}</td>
            <td>{t(`verifications.networks.${r.network}`)}</td>
            <td>{r.masked_name}</td>
            <td>{r.device_name ?? '—'}</td>
            <td>{when(r.verified_at)}</td>
            <td>{t(`verifications.states.${r.state}`)}</td>
            <td>
              {(r.state === 'verified' || r.state === 'pending_proof') && (
                <RevokeForm
                  record={r}
                  onDone={(text) => {
                    setDone(text);
                    if (q) void search(q);
                  }}
                />
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
};
