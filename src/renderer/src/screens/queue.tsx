import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncStopError } from '../../../shared/contract/central-errors';
import type { QueueItem, SyncReport } from '../../../shared/contract/sync';
import { translateError } from '../../../shared/i18n';
import { useAction, useApp } from '../app-context';
import { useSyncStatus } from '../components/sync-status';
import { DiscardForm, FixButtons } from './queue-discard-form';
import { ErrorBanner, formValues, Notice } from '../components/form';
import { useTimes } from '../time';
import { useCan } from '../use-can';
import { UploadProgressBar, UploadsTable, useByteSize } from './queue-uploads';

type Tab = 'pending' | 'rejected' | 'uploadsWaiting' | 'uploadsFailed';

/** Loop error codes in words; codes without a text (e.g. from a newer central) show as is. */
const useErrorLabel = () => {
  const { t } = useTranslation();
  return (code: string | null) =>
    code ? t(`sync.lastErrors.${code}`, { defaultValue: code }) : '';
};

/** Why the last run stopped: a short label, else the full sentence, never central's raw code. */
const useStopLabel = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es';
  return (code: string) =>
    t(`sync.lastErrors.${code}`, { defaultValue: translateError(language, syncStopError(code)) });
};

/** What is waiting to reach central, what central refused, and "Sync now". */
export const QueueScreen = () => {
  const { t } = useTranslation();
  const times = useTimes();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [status, refreshStatus] = useSyncStatus();
  const [tab, setTab] = useState<Tab>('pending');
  const [items, setItems] = useState<QueueItem[]>([]);
  const [total, setTotal] = useState(0);
  const [report, setReport] = useState<SyncReport | null>(null);
  const [discarding, setDiscarding] = useState<QueueItem | null>(null);
  // Bumped by "Sync now" so the uploads table reads again what the run changed.
  const [runs, setRuns] = useState(0);
  const errorLabel = useErrorLabel();
  const stopLabel = useStopLabel();
  const canFix = useCan('syncRetry');
  const size = useByteSize();
  const uploadTab = tab === 'uploadsWaiting' || tab === 'uploadsFailed';

  const reload = useCallback(async () => {
    if (tab !== 'pending' && tab !== 'rejected') return;
    const list = await run(() => api.syncQueueList({ status: tab, limit: 100 }));
    if (list) {
      setItems(list.items);
      setTotal(list.total);
    }
  }, [api, run, tab]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const syncNow = async () => {
    setReport(null);
    const done = await run(() => api.syncNow({}));
    if (done) setReport(done);
    setRuns((n) => n + 1);
    await Promise.all([reload(), refreshStatus()]);
  };

  const retry = async (item: QueueItem) => {
    if (await run(() => api.syncRetry({ seq: item.seq })))
      await Promise.all([reload(), refreshStatus()]);
  };

  const discard = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!discarding) return;
    const { reason = '' } = formValues(e.currentTarget);
    if (await run(() => api.syncDiscard({ seq: discarding.seq, reason }))) {
      setDiscarding(null);
      await Promise.all([reload(), refreshStatus()]);
    }
  };

  const tabCount = (name: Tab): number => {
    if (!status) return 0;
    if (name === 'pending') return status.pending;
    if (name === 'rejected') return status.rejected;
    // Waiting counts every file central lacks; the failed ones have their own tab.
    if (name === 'uploadsWaiting') return status.uploads.waiting - status.uploads.failed;
    return status.uploads.failed;
  };

  const time = (iso: string | null) => (iso ? times.dateTime(iso) : t('sync.queue.never'));

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('sync.queue.title')}</h1>
      <ErrorBanner message={error} />
      {report && (
        <Notice>
          {t('sync.queue.result', report)}{' '}
          {t('sync.queue.uploadResult', { ...report, bytes: size(report.uploadedBytes) })}
        </Notice>
      )}
      {status && (
        <div className="card">
          {status.centralUrl && <p>{t('sync.queue.central', { url: status.centralUrl })}</p>}
          <p>{t('sync.queue.lastSuccess', { at: time(status.lastSuccessAt) })}</p>
          {status.lastError && (
            <p>{t('sync.queue.lastError', { error: stopLabel(status.lastError) })}</p>
          )}
          {status.nextAttemptAt && (
            <p>{t('sync.queue.nextAttempt', { at: time(status.nextAttemptAt) })}</p>
          )}
          {status.progress && (
            <progress
              max={status.progress.total}
              value={status.progress.done}
              aria-label={t('sync.header.syncing', status.progress)}
            />
          )}
          {status.uploadProgress && <UploadProgressBar progress={status.uploadProgress} />}
          {status.uploads.waiting > 0 && (
            <p>
              {t('sync.queue.uploadsWaiting', {
                count: status.uploads.waiting,
                bytes: size(status.uploads.waitingBytes),
              })}
            </p>
          )}
          <button
            type="button"
            className="primary"
            disabled={busy || status.syncing || !status.enrolled}
            onClick={() => void syncNow()}
          >
            {busy || status.syncing ? t('sync.queue.syncing') : t('sync.queue.syncNow')}
          </button>
        </div>
      )}
      <div className="row" role="tablist">
        {(['pending', 'rejected', 'uploadsWaiting', 'uploadsFailed'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(`sync.queue.${name}Tab`, { count: tabCount(name) })}
          </button>
        ))}
      </div>
      {uploadTab ? (
        <UploadsTable
          key={`${tab}-${runs}`}
          status={tab === 'uploadsFailed' ? 'failed' : 'waiting'}
          canFix={canFix}
          onChanged={refreshStatus}
        />
      ) : items.length === 0 ? (
        <p>{t('sync.queue.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sync.queue.kind')}</th>
              <th scope="col">{t('sync.queue.entity')}</th>
              <th scope="col">{t('sync.queue.createdAt')}</th>
              <th scope="col">{t('sync.queue.attempts')}</th>
              {tab === 'rejected' && <th scope="col">{t('sync.queue.error')}</th>}
              {tab === 'rejected' && canFix && <th scope="col">{t('sync.queue.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.seq}>
                <td title={item.kind}>
                  {t(`sync.queue.kinds.${item.kind.replace('.', '_')}`, {
                    defaultValue: item.kind,
                  })}
                </td>
                <td>{item.entityId}</td>
                <td>{time(item.createdAt)}</td>
                <td>{item.attempts}</td>
                {tab === 'rejected' && <td>{errorLabel(item.lastError)}</td>}
                {tab === 'rejected' && canFix && (
                  <FixButtons
                    busy={busy}
                    onRetry={() => void retry(item)}
                    onDiscard={() => setDiscarding(item)}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!uploadTab && total > items.length && (
        <p>{t('sync.queue.showingFirst', { shown: items.length, total })}</p>
      )}
      {discarding && (
        <DiscardForm
          id="discard-reason"
          label={t('sync.queue.discardReason')}
          busy={busy}
          onSubmit={discard}
          onCancel={() => setDiscarding(null)}
        >
          <code>{discarding.kind}</code> {discarding.entityId}
        </DiscardForm>
      )}
    </section>
  );
};
