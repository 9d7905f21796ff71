import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonInput } from '../components/reason-input';

/** A refused row's two fixes: send it again now, or stop sending it (which asks a reason). */
export const FixButtons = ({
  busy,
  onRetry,
  onDiscard,
}: {
  readonly busy: boolean;
  readonly onRetry: () => void;
  readonly onDiscard: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <td className="row">
      <button type="button" disabled={busy} onClick={onRetry}>
        {t('sync.queue.retry')}
      </button>
      <button type="button" disabled={busy} onClick={onDiscard}>
        {t('sync.queue.discard')}
      </button>
    </td>
  );
};

/** The queue's "stop sending this" step: what is discarded, the reason, confirm or cancel. */
export const DiscardForm = ({
  id,
  label,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly busy: boolean;
  readonly onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  readonly onCancel: () => void;
  /** What is being discarded, as the person recognises it. */
  readonly children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <form className="card" onSubmit={onSubmit} aria-label={t('sync.queue.discard')}>
      <p>{children}</p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <ReasonInput id={id} name="reason" minLength={3} maxLength={500} required autoFocus />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('sync.queue.confirmDiscard')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sync.queue.cancel')}
        </button>
      </div>
    </form>
  );
};
