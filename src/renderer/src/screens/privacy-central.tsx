import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentralRequest } from '../../../shared/contract/privacy-central';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';
import { useTimes } from '../time';

const downloadJson = (request: CentralRequest): void => {
  const blob = new Blob([`${JSON.stringify(request.export, null, 2)}\n`], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `datos-central-${request.residentId}.json`;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** What one answer from central says, in a sentence. */
const useAnswerText = () => {
  const { t } = useTranslation();
  return (r: CentralRequest): string => {
    if (r.answeredAt === null) return t('privacy.central.waiting');
    if (r.export)
      return t('privacy.central.exported', {
        register: t(r.export.registerHeld ? 'privacy.central.yes' : 'privacy.central.no'),
        verifications: r.export.verifications.length,
        requests: r.export.requests.length,
        conflicts: r.export.conflicts.length,
        directory: r.export.directory.length,
        entries: r.export.registryEntries.length,
        audit: r.export.audit.length,
      });
    if (r.erasure) return t('privacy.central.erased', { ...r.erasure.erased, ...r.erasure.kept });
    return t('privacy.central.nothingHeld');
  };
};

/**
 * Central's part of a data-subject request: asked from here, it travels with sync and central's
 * answer (its export, or what it erased and kept) is listed as it arrives.
 */
export const CentralPrivacyPart = ({ residentId }: { residentId: string }) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const times = useTimes();
  const answer = useAnswerText();
  const [items, setItems] = useState<CentralRequest[]>([]);
  const [sent, setSent] = useState(false);

  const reload = useCallback(async () => {
    const list = await run(() => api.privacyCentralRequests({ residentId }));
    if (list) setItems(list.items);
  }, [api, run, residentId]);

  useEffect(() => {
    setSent(false);
    void reload();
  }, [reload]);

  const askExport = async () => {
    if (await run(() => api.privacyCentralRequest({ kind: 'export', residentId }))) {
      setSent(true);
      await reload();
    }
  };

  const askErase = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const confirm = formValues(e.currentTarget).confirm ?? '';
    if (await run(() => api.privacyCentralRequest({ kind: 'erase', residentId, confirm }))) {
      setSent(true);
      await reload();
    }
  };

  return (
    <section className="card" aria-labelledby="privacy-central-title">
      <h2 id="privacy-central-title">{t('privacy.central.title')}</h2>
      <p>{t('privacy.central.intro')}</p>
      <ErrorBanner message={error} />
      {sent && <Notice>{t('privacy.central.sent')}</Notice>}
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void askExport()}>
          {t('privacy.central.askExport')}
        </button>
      </div>
      <form onSubmit={(e) => void askErase(e)} aria-label={t('privacy.central.askErase')}>
        <Field
          label={t('privacy.central.confirmLabel', { id: residentId })}
          name="confirm"
          required
          autoComplete="off"
        />
        <button type="submit" disabled={busy}>
          {t('privacy.central.askErase')}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{t('privacy.central.none')}</p>
      ) : (
        <ul>
          {items.map((r) => (
            <li key={r.id}>
              <p>
                {t('privacy.central.requested', {
                  kind: t(`privacy.central.kinds.${r.kind}`),
                  at: times.dateTime(r.requestedAt),
                  by: r.requestedBy,
                })}
              </p>
              <p>{answer(r)}</p>
              {r.export && (
                <button type="button" onClick={() => downloadJson(r)}>
                  {t('privacy.central.download')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
