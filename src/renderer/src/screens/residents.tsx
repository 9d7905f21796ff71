import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterStats, Resident } from '../../../shared/contract/residents';
import { useAction, useApp } from '../app-context';
import { ErrorBanner } from '../components/form';
import { useTimes } from '../time';
import { useCan } from '../use-can';
import { ImportPanel } from './residents/import-panel';
import { fullName } from '../../../shared/person-name';
import { ResidentPicker } from './residents/resident-picker';
import { VerificationHistory } from './residents/verification-history';

const Detail = ({ resident, onClose }: { resident: Resident; onClose: () => void }) => {
  const { t } = useTranslation();
  const times = useTimes();
  return (
    <section className="card wide" aria-labelledby="resident-detail-title">
      <h2 id="resident-detail-title">
        {t('residents.ui.detailTitle')}: {fullName(resident)}
      </h2>
      <dl>
        <dt>{t('residents.ui.residentId')}</dt>
        <dd>{resident.resident_id}</dd>
        <dt>{t('residents.ui.document')}</dt>
        <dd>
          <code>{resident.document_masked ?? '—'}</code> ({resident.document_type})
        </dd>
        <dt>{t('residents.ui.birthDate')}</dt>
        <dd>{times.date(resident.birth_date)}</dd>
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
            : t('residents.ui.deregisteredOn', { date: times.date(resident.deregistered_on) })}
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
  const { api } = useApp();
  const { error, run } = useAction();
  const [selected, setSelected] = useState<Resident | null>(null);
  const [stats, setStats] = useState<RegisterStats | null>(null);
  const times = useTimes();
  const canImport = useCan('residentsImportCommit');

  const loadStats = useCallback(async () => {
    const s = await run(() => api.residentsStats({}));
    if (s) setStats(s);
  }, [api, run]);

  useEffect(() => {
    void loadStats();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  return (
    <section aria-labelledby="residents-title">
      <h1 id="residents-title">{t('residents.ui.title')}</h1>
      {stats && (
        <p className="hint">
          {t('residents.ui.statsLine', { active: stats.active, deregistered: stats.deregistered })}{' '}
          {stats.last_import &&
            t('residents.ui.lastImport', {
              ...stats.last_import,
              at: times.dateTime(stats.last_import.at),
            })}
        </p>
      )}
      <ErrorBanner message={error} />
      <ResidentPicker onPick={setSelected} />
      {selected && <Detail resident={selected} onClose={() => setSelected(null)} />}
      {canImport && <ImportPanel onImported={() => void loadStats()} />}
    </section>
  );
};
