import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../../shared/contract/verifications';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner } from '../../components/form';
import { useGlobalKeys } from './keys';
import { formatDuration, printPdf } from './print';

/** The saved record, its time-to-verify, and the receipt on demand (P). */
export const DoneStep = ({
  verification: v,
  onNext,
}: {
  verification: Verification;
  onNext: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const language = i18n.language === 'en' ? 'en' : 'es';
  // The desktop shows its own print dialog; in a browser the page prints the PDF itself.
  const print = () =>
    void run(async () => {
      const desktop = await api.verifyPrintReceipt({ id: v.id, language });
      if (!desktop.desktop) printPdf((await api.verifyReceipt({ id: v.id, language })).pdfBase64);
      return desktop;
    });
  useGlobalKeys({ p: print, n: onNext });

  return (
    <section className="step" aria-labelledby="done-title">
      <h2 id="done-title">
        {v.state === 'verified'
          ? t('verifications.ui.done.verified')
          : t('verifications.ui.done.pending')}
      </h2>
      <p role="status" className="outcome">
        {t('verifications.ui.done.summary', {
          name: v.residentName ?? '—',
          network: t(`verifications.networks.${v.network}`),
          handle: v.handle,
          time: formatDuration(v.timeToVerifyMs),
        })}
      </p>
      {v.challengeCode && (
        <div className="challenge" aria-label={t('verifications.ui.done.codeLabel')}>
          <p>{t('verifications.ui.done.codeIntro')}</p>
          <output className="code">{v.challengeCode}</output>
        </div>
      )}
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
