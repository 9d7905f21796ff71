import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterStats, Resident } from '../../../shared/contract/residents';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues } from '../components/form';
import { ImportPanel } from './residents/import-panel';
import { VerificationHistory } from './residents/verification-history';

const fullName = (r: Resident): string =>
  [r.given_names, r.surname1, r.surname2].filter(Boolean).join(' ');

const Detail = ({ resident, onClose }: { resident: Resident; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <section className="card wide" aria-labelledby="resident-detail-title">
      <h2 id="resident-detail-title">
        {t('residents.ui.detailTitle')}: {fullName(resident)}
      </h2>
      <dl>
        <dt>{t('residents.ui.document')}</dt>
        <dd>
          <code>{resident.document_masked ?? '—'}</code> ({resident.document_type})
        </dd>
        <dt>{t('residents.ui.birthDate')}</dt>
        <dd>{resident.birth_date}</dd>
        <dt>{t('residents.ui.nationality')}</dt>
        <dd>{resident.nationality ?? '—'}</dd>
        <dt>{t('residents.ui.address')}</dt>
        <dd>{resident.address ?? '—'}</dd>
        <dt>{t('residents.ui.district')}</dt>
        <dd>{resident.district ?? '—'}</dd>
        <dt>{t('residents.ui.state')}</dt>
        <dd>
          {resident.status === 'active'
            ? t('residents.ui.active')
            : t('residents.ui.deregisteredOn', { date: resident.deregistered_on ?? '' })}
        </dd>
      </dl>
      <VerificationHistory residentId={resident.resident_id} />
      <button type="button" onClick={onClose}>
        {t('residents.ui.close')}
      </button>
    </section>
  );
};

/** Search the register by name, document number or birth date; managers also import it. */
export const ResidentsScreen = () => {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const { busy, error, run } = useAction();
  const [results, setResults] = useState<Resident[] | null>(null);
  const [selected, setSelected] = useState<Resident | null>(null);
  const [stats, setStats] = useState<RegisterStats | null>(null);
  const canImport = session?.staff.role === 'manager' || session?.staff.role === 'admin';

  const loadStats = useCallback(async () => {
    const s = await run(() => api.residentsStats({}));
    if (s) setStats(s);
  }, [api, run]);

  useEffect(() => {
    void loadStats();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const search = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { query = '' } = formValues(e.currentTarget);
    if (!query.trim()) return;
    const found = await run(() => api.residentsSearch({ query, limit: 25 }));
    if (found) {
      setResults(found);
      setSelected(null);
    }
  };

  return (
    <section aria-labelledby="residents-title">
      <h1 id="residents-title">{t('residents.ui.title')}</h1>
      {stats && (
        <p className="hint">
          {t('residents.ui.statsLine', { active: stats.active, deregistered: stats.deregistered })}{' '}
          {stats.last_import && t('residents.ui.lastImport', stats.last_import)}
        </p>
      )}
      <ErrorBanner message={error} />
      <form role="search" onSubmit={(e) => void search(e)} className="row">
        <Field
          label={t('residents.ui.searchLabel')}
          name="query"
          type="search"
          autoComplete="off"
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('residents.ui.searchButton')}
        </button>
      </form>
      {results && results.length === 0 && <p role="status">{t('residents.ui.noResults')}</p>}
      {results && results.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('residents.ui.name')}</th>
              <th scope="col">{t('residents.ui.document')}</th>
              <th scope="col">{t('residents.ui.birthDate')}</th>
              <th scope="col">{t('residents.ui.district')}</th>
              <th scope="col">{t('residents.ui.state')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id}>
                <td>
                  <button type="button" onClick={() => setSelected(r)}>
                    {fullName(r)}
                  </button>
                </td>
                <td>
                  <code>{r.document_masked ?? '—'}</code>
                </td>
                <td>{r.birth_date}</td>
                <td>{r.district ?? '—'}</td>
                <td>
                  {r.status === 'active'
                    ? t('residents.ui.active')
                    : t('residents.ui.deregisteredOn', { date: r.deregistered_on ?? '' })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <Detail resident={selected} onClose={() => setSelected(null)} />}
      {canImport && <ImportPanel onImported={() => void loadStats()} />}
    </section>
  );
};
