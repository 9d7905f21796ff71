import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadRefusalError } from '../../../shared/contract/attachment-upload';
import type { UploadItem, UploadProgress } from '../../../shared/contract/sync';
import { translateError } from '../../../shared/i18n';
import { useAction, useApp } from '../app-context';
import { DiscardForm, FixButtons } from './queue-discard-form';
import { ErrorBanner, formValues } from '../components/form';

/** Bytes as a person reads them (kB below a megabyte, MB above), in the screen's language. */
export const useByteSize = () => {
  const { i18n } = useTranslation();
  return (bytes: number): string => {
    const mb = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes / (mb ? 1024 * 1024 : 1024));
  };
};

/** The upload bar of a run: files and bytes sent so far out of those due when it started. */
export const UploadProgressBar = ({ progress }: { progress: UploadProgress }) => {
  const { t } = useTranslation();
  const size = useByteSize();
  const label = t('sync.queue.uploading', {
    done: progress.done,
    total: progress.total,
    bytesDone: size(progress.bytesDone),
    bytesTotal: size(progress.bytesTotal),
  });
  return (
    <p>
      {label}{' '}
      <progress
        max={Math.max(progress.bytesTotal, 1)}
        value={progress.bytesDone}
        aria-label={label}
      />
    </p>
  );
};

/**
 * Attachments whose bytes central lacks: waiting for the next run, or refused with the reason,
 * which a manager can retry or stop sending (the file stays on this counter).
 */
export const UploadsTable = ({
  status,
  canFix,
  onChanged,
}: {
  status: 'waiting' | 'failed';
  canFix: boolean;
  onChanged: () => Promise<void>;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es';
  const size = useByteSize();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [total, setTotal] = useState(0);
  const [discarding, setDiscarding] = useState<UploadItem | null>(null);
  const failed = status === 'failed';

  const reload = useCallback(async () => {
    const list = await run(() => api.syncUploadList({ status, limit: 100 }));
    if (list) {
      setItems(list.items);
      setTotal(list.total);
    }
  }, [api, run, status]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const done = async () => {
    await Promise.all([reload(), onChanged()]);
  };

  const retry = async (item: UploadItem) => {
    if (await run(() => api.syncUploadRetry({ attachmentId: item.attachmentId }))) await done();
  };

  const discard = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!discarding) return;
    const { reason = '' } = formValues(e.currentTarget);
    if (await run(() => api.syncUploadDiscard({ attachmentId: discarding.attachmentId, reason }))) {
      setDiscarding(null);
      await done();
    }
  };

  if (items.length === 0)
    return (
      <>
        <ErrorBanner message={error} />
        <p>{t('sync.queue.empty')}</p>
      </>
    );
  return (
    <>
      <ErrorBanner message={error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('sync.queue.uploadEntry')}</th>
            <th scope="col">{t('sync.queue.uploadFile')}</th>
            <th scope="col">{t('sync.queue.uploadSize')}</th>
            {failed && <th scope="col">{t('sync.queue.error')}</th>}
            {failed && canFix && <th scope="col">{t('sync.queue.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.attachmentId}>
              <td>{item.entryNumber}</td>
              <td>{item.filename}</td>
              <td>{size(item.size)}</td>
              {failed && (
                <td>
                  {item.lastError &&
                    translateError(language, uploadRefusalError(item.lastError, item.attachmentId))}
                </td>
              )}
              {failed && canFix && (
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
      {total > items.length && (
        <p>{t('sync.queue.showingFirst', { shown: items.length, total })}</p>
      )}
      {discarding && (
        <DiscardForm
          id="discard-upload-reason"
          label={t('sync.queue.discardUploadReason')}
          busy={busy}
          onSubmit={discard}
          onCancel={() => setDiscarding(null)}
        >
          {discarding.entryNumber} · {discarding.filename}
        </DiscardForm>
      )}
    </>
  );
};
