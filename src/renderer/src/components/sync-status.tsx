import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync';
import { useApp } from '../app-context';

const POLL_MS = 3000;

/** Polls the sync status while mounted; shared by the header badge and the Queue screen. */
export const useSyncStatus = (): [SyncStatus | null, () => Promise<void>] => {
  const { api } = useApp();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const refresh = useCallback(async () => {
    try {
      setStatus(await api.syncStatus({}));
    } catch {
      // Signed out or locked: the shell handles that; the badge keeps its last value.
    }
  }, [api]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return [status, refresh];
};

/** The header badge: online or offline, queue size, rejected items and sync progress. */
export const SyncStatusBadge = () => {
  const { t } = useTranslation();
  const [status] = useSyncStatus();
  if (!status) return null;
  const state = !status.enrolled ? 'notEnrolled' : status.online ? 'online' : 'offline';
  return (
    <div className={`sync-status sync-${state}`} role="status" aria-live="polite">
      <span>{t(`sync.header.${state}`)}</span>
      {status.progress ? (
        <progress
          max={status.progress.total}
          value={status.progress.done}
          aria-label={t('sync.header.syncing', status.progress)}
        >
          {t('sync.header.syncing', status.progress)}
        </progress>
      ) : null}
      {status.uploadProgress ? (
        <progress
          max={status.uploadProgress.total}
          value={status.uploadProgress.done}
          aria-label={t('sync.header.uploading', status.uploadProgress)}
        >
          {t('sync.header.uploading', status.uploadProgress)}
        </progress>
      ) : null}
      {status.pending > 0 && <span> · {t('sync.header.pending', { count: status.pending })}</span>}
      {status.rejected > 0 && (
        <strong> · {t('sync.header.rejected', { count: status.rejected })}</strong>
      )}
      {status.uploads.failed > 0 && (
        <strong> · {t('sync.header.uploadsFailed', { count: status.uploads.failed })}</strong>
      )}
    </div>
  );
};
