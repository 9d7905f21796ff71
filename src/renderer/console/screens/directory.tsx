import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, formValues } from '../../src/components/form';
import { query } from '../api';
import { NetworkField } from '../components/network-field';
import { ResultsTable } from '../components/results-table';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useWhen } from '../use-load';

interface Answer {
  readonly query: string;
  readonly results: {
    network: string;
    handle: string;
    verified: boolean;
    since: string | null;
    masked_name: string | null;
  }[];
}

/** The official's look-up: is this handle, profile link or DID a verified resident? */
export const DirectoryScreen = () => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const when = useWhen();
  const { busy, error, run } = useConsoleAction();
  const [answer, setAnswer] = useState<Answer | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { q = '', network = '' } = formValues(e.currentTarget);
    const found = await run(() => api.get<Answer>(`/directory${query({ q, network })}`));
    if (found) setAnswer(found);
  };

  return (
    <section className="card wide" aria-labelledby="directory-title">
      <h1 id="directory-title">{t('console.directory.title')}</h1>
      <p className="hint">{t('console.directory.intro')}</p>
      <form className="console-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="directory-q">{t('console.directory.query')}</label>
          <input id="directory-q" name="q" required maxLength={300} autoComplete="off" />
        </div>
        <NetworkField id="directory-network" anyLabel={t('console.directory.anyNetwork')} />
        <button type="submit" className="primary" disabled={busy}>
          {t('console.directory.submit')}
        </button>
      </form>
      <ErrorBanner message={error} />
      {answer && (
        <ResultsTable
          rows={answer.results}
          none={
            <p role="status" className="notice">
              {t('console.directory.notAHandle', { query: answer.query })}
            </p>
          }
          caption={t('console.directory.resultsFor', { query: answer.query })}
          headers={[
            t('console.directory.network'),
            t('console.directory.handle'),
            t('console.directory.verified'),
            t('console.directory.since'),
            t('console.directory.maskedName'),
          ]}
          row={(r) => (
            <tr key={r.network}>
              <td>{t(`verifications.networks.${r.network}`)}</td>
              <td>{r.handle}</td>
              <td>
                <span className={r.verified ? 'badge ok' : 'badge no'}>
                  {t(r.verified ? 'console.directory.yes' : 'console.directory.no')}
                </span>
              </td>
              <td>{when(r.since)}</td>
              <td>{r.masked_name ?? '—'}</td>
            </tr>
          )}
          role="status"
        />
      )}
    </section>
  );
};
