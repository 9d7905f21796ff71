import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../../shared/contract/verifications';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner } from '../../components/form';
import { ProofSearch } from './account-preview';
import { useGlobalKeys } from './keys';
import { verificationStateText } from '../../../../shared/verification-label';
import { formatDuration, printPdf } from './print';

const titleKey = (v: Verification): string => {
  if (v.state === 'pending_proof') return 'verifications.ui.done.pending';
  if (v.state !== 'verified') return 'verifications.ui.done.other';
  return v.overrideBy ? 'verifications.ui.done.authorised' : 'verifications.ui.done.verified';
};

/**
 * The saved record, its time-to-verify, and the receipt on demand (P). What it says is read back
 * from the record as saved, never assumed from what was asked.
 */
export const DoneStep = ({
  verification: saved,
  onNext,
}: {
  verification: Verification;
  onNext: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [v, setV] = useState(saved);
  useEffect(() => {
    void run(() => api.verifyGet({ id: saved.id })).then((read) => read && setV(read));
  }, [api, run, saved.id]);
  const state = verificationStateText((key, params) => t(key, params ?? {}), v);
  const language = i18n.language === 'en' ? 'en' : 'es';
  // The desktop shows its own print dialog; in a browser the page prints the PDF itself.
  const print = () =>
    void run(async () => {
      const desktop = await api.verifyPrintReceipt({ id: v.id, language });
      if (!desktop.desktop) printPdf((await api.verifyReceipt({ id: v.id, language })).base64);
      return desktop;
    });
  useGlobalKeys({ p: print, n: onNext });

  return (
    <section className="step" aria-labelledby="done-title">
      <h2 id="done-title">{t(titleKey(v), { state })}</h2>
      <p role="status" className="outcome">
        {t('verifications.ui.done.summary', {
          name: v.residentName ?? '—',
          network: t(`verifications.networks.${v.network}`),
          handle: v.handle,
          time: formatDuration(v.timeToVerifyMs),
        })}
      </p>
      <p className="saved-state">{t('verifications.ui.done.state', { state })}</p>
      {v.challengeCode && (
        <div className="challenge" aria-label={t('verifications.ui.done.codeLabel')}>
          <p>{t('verifications.ui.done.codeIntro')}</p>
          <output className="code">{v.challengeCode}</output>
        </div>
      )}
      <ProofSearch verification={v} onChecked={setV} />
      <ErrorBanner message={error} />
      <div className="row">
        <button type="button" className="primary" onClick={onNext} autoFocus>
          {t('verifications.ui.common.newVerification')} <kbd>N</kbd>
        </button>
        <button type="button" onClick={print} disabled={busy}>
          {t('verifications.ui.done.print')} <kbd>P</kbd>
        </button>
      </div>
    </section>
  );
};
