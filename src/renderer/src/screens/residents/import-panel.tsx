import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_CHUNK_BYTES,
  type ImportReport,
  MASS_DEREGISTRATION_SHARE,
} from '../../../../shared/contract/residents';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner, Notice } from '../../components/form';

/** Base64 of a slice, built in pieces so large slices do not overflow the call stack. */
export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
};

export const ReportView = ({ report }: { report: ImportReport }) => {
  const { t } = useTranslation();
  const rows: Array<[string, number]> = [
    ['imported', report.imported],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['rejected', report.rejected],
    ['deregistered', report.deregistered],
  ];
  return (
    <>
      <p>
        {t(
          report.dry_run ? 'residents.cli.dryRunReport' : 'residents.cli.report',
          Object.fromEntries(rows),
        )}
      </p>
      <LeavingList report={report} />
      {report.errors.length > 0 && (
        <table className="table">
          <caption>{t('residents.ui.rejectedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('residents.ui.line')}</th>
              <th scope="col">{t('residents.ui.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.slice(0, 200).map((e) => (
              <tr key={`${e.line}-${e.code}`}>
                <td>{e.line}</td>
                <td>{t(`errors.${e.code}`, { ...e.params, defaultValue: e.message })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.rejected > Math.min(report.errors.length, 200) && (
        <p>
          {t('residents.ui.moreErrors', {
            count: report.rejected - Math.min(report.errors.length, 200),
          })}
        </p>
      )}
    </>
  );
};

/** Who the import would deregister: named, so a wrong file shows before anyone confirms. */
const LeavingList = ({ report }: { report: ImportReport }) => {
  const { t } = useTranslation();
  const named = report.deregistered_residents ?? [];
  if (named.length === 0) return null;
  const shown = named.slice(0, 200);
  const more = report.deregistered - shown.length;
  return (
    <>
      {report.mass_deregistration && (
        <p role="alert" className="error">
          {t('residents.ui.massWarning', {
            count: report.deregistered,
            limit: MASS_DEREGISTRATION_SHARE * 100,
          })}
        </p>
      )}
      <div className="table-scroll">
        <table className="table" data-testid="import-leaving">
          <caption>{t('residents.ui.leavingTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('residents.ui.leavingId')}</th>
              <th scope="col">{t('residents.ui.name')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.resident_id}>
                <td>{r.resident_id}</td>
                <td>{r.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p>{t('residents.ui.moreErrors', { count: more })}</p>}
    </>
  );
};

/** Managers and admins: send the file in slices, read the dry-run report, then commit. */
export const ImportPanel = ({ onImported }: { onImported: () => void }) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [progress, setProgress] = useState<number | null>(null);
  const [checking, setChecking] = useState(false);
  const [job, setJob] = useState<{ id: string; report: ImportReport } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmMass, setConfirmMass] = useState(false);

  const check = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    setNotice(null);
    setJob(null);
    setConfirmMass(false);
    const result = await run(async () => {
      let id: string | undefined;
      for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
        const slice = new Uint8Array(
          await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer(),
        );
        const last = offset + IMPORT_CHUNK_BYTES >= file.size;
        setProgress(offset / file.size);
        if (last) setChecking(true);
        const status = await api.residentsImportUpload({
          ...(id ? { job: id } : {}),
          fileName: file.name,
          totalBytes: file.size,
          chunk: toBase64(slice),
          last,
        });
        id = status.id;
        if (status.report) return { id, report: status.report };
      }
      return undefined;
    });
    setProgress(null);
    setChecking(false);
    if (result) setJob(result);
  };

  const commit = async () => {
    if (!job) return;
    const report = await run(() =>
      api.residentsImportCommit({ job: job.id, allowMassDeregistration: confirmMass }),
    );
    if (report) {
      setJob(null);
      setNotice(
        t('residents.ui.committed', {
          imported: report.imported,
          updated: report.updated,
          deregistered: report.deregistered,
        }),
      );
      onImported();
    }
  };

  const discard = async () => {
    if (job) await run(() => api.residentsImportCancel({ job: job.id }));
    setJob(null);
  };

  return (
    <section className="card" aria-labelledby="residents-import-title">
      <h2 id="residents-import-title">{t('residents.ui.importTitle')}</h2>
      <p className="hint">{t('residents.ui.importHelp')}</p>
      <ErrorBanner message={error} />
      {notice && <Notice>{notice}</Notice>}
      <form onSubmit={(e) => void check(e)} className="row">
        <label>
          {t('residents.ui.fileLabel')}{' '}
          <input type="file" name="file" accept=".csv,.txt,text/csv" required />
        </label>
        <button type="submit" disabled={busy}>
          {t('residents.ui.check')}
        </button>
      </form>
      {progress !== null && !checking && (
        <p>
          <progress
            value={progress}
            max={1}
            aria-label={t('residents.ui.uploading', { percent: Math.round(progress * 100) })}
          />{' '}
          {t('residents.ui.uploading', { percent: Math.round(progress * 100) })}
        </p>
      )}
      {checking && (
        <p role="status">
          <progress aria-label={t('residents.ui.checking')} /> {t('residents.ui.checking')}
        </p>
      )}
      {job && (
        <div aria-labelledby="residents-report-title">
          <h3 id="residents-report-title">{t('residents.ui.reportTitle')}</h3>
          <ReportView report={job.report} />
          {job.report.mass_deregistration && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={confirmMass}
                onChange={(e) => setConfirmMass(e.currentTarget.checked)}
              />{' '}
              {t('residents.ui.massConfirm', { count: job.report.deregistered })}
            </label>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy || (job.report.mass_deregistration === true && !confirmMass)}
              onClick={() => void commit()}
            >
              {t('residents.ui.commit')}
            </button>
            <button type="button" disabled={busy} onClick={() => void discard()}>
              {t('residents.ui.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
};
