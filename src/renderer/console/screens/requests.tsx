import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Field, formValues, Notice } from '../../src/components/form';
import { NetworkField } from '../components/network-field';
import { ResultsTable } from '../components/results-table';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useLoad, useWhen } from '../use-load';

interface Request {
  readonly id: string;
  readonly resident_id: string;
  readonly network: string;
  readonly handle: string;
  readonly requested_at: string;
  readonly requested_by: string;
  readonly state: 'open' | 'used' | 'withdrawn';
}

/** Online verification requests: the official files one; every counter offers it ready-made. */
export const RequestsScreen = () => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const when = useWhen();
  const { busy, error, run } = useConsoleAction();
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(
    () => api.get<{ requests: Request[] }>('/requests').then((r) => r.requests),
    [api],
  );
  const list = useLoad(load);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = formValues(form);
    const made = await run(() =>
      api.post<Request>('/requests', {
        resident_id: v.resident_id,
        network: v.network,
        handle: v.handle,
        platform_user_id: v.platform_user_id || null,
      }),
    );
    if (made) {
      form.reset();
      setDone(t('console.requests.created', { handle: made.handle }));
      await list.reload();
    }
  };

  const withdraw = async (r: Request) => {
    const gone = await run(() => api.del(`/requests/${encodeURIComponent(r.id)}`));
    if (gone) {
      setDone(t('console.requests.withdrawn', { handle: r.handle }));
      await list.reload();
    }
  };

  return (
    <section className="card wide" aria-labelledby="requests-title">
      <h1 id="requests-title">{t('console.requests.title')}</h1>
      <p className="hint">{t('console.requests.intro')}</p>
      <form className="console-form" onSubmit={submit} aria-label={t('console.requests.new')}>
        <Field
          label={t('console.requests.residentId')}
          name="resident_id"
          required
          maxLength={100}
        />
        <NetworkField id="request-network" />
        <Field label={t('console.directory.handle')} name="handle" required maxLength={300} />
        <Field
          label={t('console.requests.platformUserId')}
          name="platform_user_id"
          maxLength={200}
          hint={t('console.requests.platformUserIdHint')}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('console.requests.create')}
        </button>
      </form>
      <ErrorBanner message={error ?? list.error} />
      {done && <Notice>{done}</Notice>}
      <ResultsTable
        rows={list.data}
        none={<p>{t('console.requests.none')}</p>}
        caption={t('console.requests.listTitle')}
        headers={[
          t('console.requests.requestedAt'),
          t('console.requests.residentId'),
          t('console.directory.network'),
          t('console.directory.handle'),
          t('console.requests.by'),
          t('console.requests.state'),
          t('console.common.actions'),
        ]}
        row={(r) => (
          <tr key={r.id}>
            <td>{when(r.requested_at)}</td>
            <td>{r.resident_id}</td>
            <td>{t(`verifications.networks.${r.network}`)}</td>
            <td>{r.handle}</td>
            <td>{r.requested_by}</td>
            <td>{t(`console.requests.states.${r.state}`)}</td>
            <td>
              {r.state === 'open' && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void withdraw(r)}
                  aria-label={t('console.requests.withdrawFor', { handle: r.handle })}
                >
                  {t('console.requests.withdraw')}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
};
