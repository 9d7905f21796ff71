import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../../shared/contract/residents';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner, Field, formValues } from '../../components/form';
import { useTimes } from '../../time';
import { fullName } from '../../../../shared/person-name';

/**
 * The register search every screen uses (Residents, Privacy): a name or part of one, an
 * inscription id, a document number or a birth date; the person picks from the ranked list.
 */
export const ResidentPicker = ({
  onPick,
  label,
}: {
  onPick: (resident: Resident) => void;
  label?: string;
}) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const times = useTimes();
  const [results, setResults] = useState<Resident[] | null>(null);

  const search = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { query = '' } = formValues(e.currentTarget);
    if (!query.trim()) return;
    const found = await run(() => api.residentsSearch({ query, limit: 25 }));
    if (found) setResults(found);
  };

  return (
    <>
      <ErrorBanner message={error} />
      <form role="search" onSubmit={(e) => void search(e)} className="row">
        <Field
          label={label ?? t('residents.ui.searchLabel')}
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
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('residents.ui.name')}</th>
                <th scope="col">{t('residents.ui.residentId')}</th>
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
                    <button type="button" onClick={() => onPick(r)}>
                      {fullName(r)}
                    </button>
                  </td>
                  <td>{r.resident_id}</td>
                  <td>
                    <code>{r.document_masked ?? '—'}</code>
                  </td>
                  <td>{times.date(r.birth_date)}</td>
                  <td>{r.district ?? '—'}</td>
                  <td>
                    {r.status === 'active'
                      ? t('residents.ui.active')
                      : t('residents.ui.deregisteredOn', { date: times.date(r.deregistered_on) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
