import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AccountLookupResult,
  Network,
  Verification,
} from '../../../../shared/contract/verifications';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner } from '../../components/form';

/** Waits for the clerk to stop typing before asking the network. */
const TYPING_PAUSE_MS = 600;

/**
 * The account behind the typed handle, as the network answers for it (Bluesky): picture, display
 * name and handle, to compare with the person at the desk. Nothing for networks with no lookup.
 */
export const AccountPreview = ({ network, handle }: { network: Network; handle: string }) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run, setError } = useAction();
  const [shown, setShown] = useState<AccountLookupResult | null>(null);

  useEffect(() => {
    setShown(null);
    setError(null);
    if (network !== 'bluesky' || handle.trim() === '') return undefined;
    const timer = setTimeout(() => {
      void run(() => api.verifyLookupAccount({ network, handle })).then((r) => r && setShown(r));
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, run, setError, network, handle]);

  if (network !== 'bluesky') return null;
  const account = shown?.account;
  return (
    <div className="account-preview" role="status" aria-live="polite">
      {busy && <p className="hint">{t('bluesky.lookup.checking')}</p>}
      <ErrorBanner message={error} />
      {shown && !shown.reachable && <p className="hint">{t('bluesky.lookup.offline')}</p>}
      {account && (
        <figure className="account-card" aria-label={t('bluesky.lookup.found')}>
          {account.avatarUrl && (
            <img
              src={account.avatarUrl}
              alt={t('bluesky.lookup.avatar', { handle: account.handle })}
              width={64}
              height={64}
            />
          )}
          <figcaption>
            <strong>{account.displayName ?? t('bluesky.lookup.noName')}</strong>
            <span>@{account.handle}</span>
            <small>{account.userId}</small>
          </figcaption>
        </figure>
      )}
    </div>
  );
};

/** On a challenge saved for Bluesky: the counter reads the account's posts for the code itself. */
export const ProofSearch = ({
  verification,
  onChecked,
}: {
  verification: Verification;
  onChecked: (v: Verification) => void;
}) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  const pending = verification.state === 'pending_proof';
  // Once found, the record is verified: the outcome stays said, the button goes.
  if (verification.network !== 'bluesky' || (!pending && !outcome)) return null;
  const check = () =>
    void run(() => api.verifyCheckProof({ id: verification.id })).then((r) => {
      if (!r) return;
      setOutcome(r.outcome);
      onChecked(r.verification);
    });
  return (
    <div className="proof-search">
      {pending && (
        <button type="button" onClick={check} disabled={busy}>
          {t('bluesky.proof.check')}
        </button>
      )}
      {outcome && (
        <p role="status" className="hint">
          {t(`bluesky.proof.${outcome}`)}
        </p>
      )}
      <ErrorBanner message={error} />
    </div>
  );
};
