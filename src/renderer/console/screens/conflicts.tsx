import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, formValues, Notice } from '../../src/components/form';
import { query } from '../api';
import { InlineForm, ReasonField } from '../components/inline-form';
import { ResultsTable } from '../components/results-table';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useLoad, useWhen } from '../use-load';

interface Conflict {
  readonly id: string;
  readonly device_name: string | null;
  readonly network: string;
  readonly handle: string;
  readonly state: 'open' | 'transferred' | 'rejected';
  readonly created_at: string;
  readonly resolved_at: string | null;
}

// Central's own conflicts (one handle verified at two counters) are settled here.
const isCentral = (c: Conflict) => c.id.startsWith('central:');

const Decide = ({ conflict, onDone }: { conflict: Conflict; onDone: (text: string) => void }) => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const { busy, error, run } = useConsoleAction();
  const decide = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { reason = '' } = formValues(e.currentTarget);
    // The button pressed says which decision: both submit the one reason.
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const decision =
      submitter instanceof HTMLButtonElement && submitter.value === 'transfer'
        ? 'transfer'
        : 'reject';
    const done = await run(() =>
      api.post(`/conflicts/${encodeURIComponent(conflict.id)}/resolve`, { decision, reason }),
    );
    if (done) onDone(t(`console.conflicts.done.${decision}`, { handle: conflict.handle }));
  };
  return (
    <InlineForm
      label={t('console.conflicts.reasonFor', { handle: conflict.handle })}
      field={<ReasonField />}
      error={error}
      onSubmit={(e) => void decide(e)}
    >
      <button type="submit" name="decision" value="transfer" disabled={busy}>
        {t('console.conflicts.transfer')}
      </button>
      <button type="submit" name="decision" value="reject" disabled={busy}>
        {t('console.conflicts.reject')}
      </button>
    </InlineForm>
  );
};

/** The DPO's queue: a handle claimed for two residents, to be transferred or the claim rejected. */
export const ConflictsScreen = () => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const when = useWhen();
  const [q, setQ] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(
    () => api.get<{ conflicts: Conflict[] }>(`/conflicts${query({ q })}`).then((r) => r.conflicts),
    [api, q],
  );
  const list = useLoad(load);

  return (
    <section className="card wide" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('console.conflicts.title')}</h1>
      <p className="hint">{t('console.conflicts.intro')}</p>
      <form
        className="console-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(formValues(e.currentTarget).q ?? '');
        }}
      >
        <div className="field">
          <label htmlFor="conflicts-q">{t('console.conflicts.search')}</label>
          <input id="conflicts-q" name="q" maxLength={300} defaultValue={q} />
        </div>
        <button type="submit">{t('console.common.search')}</button>
      </form>
      <ErrorBanner message={list.error} />
      {done && <Notice>{done}</Notice>}
      <ResultsTable
        rows={list.data}
        none={<p>{t('console.conflicts.none')}</p>}
        caption={t('console.conflicts.listTitle')}
        headers={[
          t('console.directory.handle'),
          t('console.directory.network'),
          t('console.conflicts.counter'),
          t('console.conflicts.opened'),
          t('console.requests.state'),
          t('console.common.actions'),
        ]}
        row={(c) => (
          <tr key={c.id}>
            <td>{c.handle}</td>
            <td>{t(`verifications.networks.${c.network}`)}</td>
            <td>{c.device_name ?? '—'}</td>
            <td>{when(c.created_at)}</td>
            <td>{t(`console.conflicts.states.${c.state}`)}</td>
            <td>
              {c.state === 'open' && isCentral(c) && (
                <Decide
                  conflict={c}
                  onDone={(text) => {
                    setDone(text);
                    void list.reload();
                  }}
                />
              )}
              {c.state === 'open' && !isCentral(c) && (
                <small>{t('console.conflicts.atCounter')}</small>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
};
