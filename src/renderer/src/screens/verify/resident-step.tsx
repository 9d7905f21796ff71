import { useTranslation } from 'react-i18next';
import type { Candidate, MatchResult } from '../../../../shared/contract/verifications';
import { useGlobalKeys } from './keys';

/** Candidates with their reasons; Enter accepts the top strong one, N says none of them. */
export const ResidentStep = ({
  match,
  busy,
  onAccept,
  onNone,
  onRestart,
  onReview,
}: {
  match: MatchResult;
  busy: boolean;
  onAccept: (c: Candidate) => void;
  onNone: () => void;
  onRestart: () => void;
  /** Back to the document's data, as read or typed, to fix a misreading. */
  onReview: () => void;
}) => {
  const { t } = useTranslation();
  const notFound = match.outcome === 'not_in_register';
  useGlobalKeys(notFound ? { n: onRestart } : { n: onNone });

  if (notFound) {
    return (
      <section className="step" aria-labelledby="resident-title">
        <h2 id="resident-title">{t('verifications.ui.resident.notFoundTitle')}</h2>
        <p role="status" className="outcome">
          {t('verifications.ui.resident.notFound', { masked: match.documentMasked ?? '—' })}
        </p>
        <div className="row">
          <button type="button" className="primary" onClick={onReview} autoFocus>
            {t('verifications.ui.resident.reviewAgain')}
          </button>
          <button type="button" onClick={onRestart}>
            {t('verifications.ui.common.newVerification')} <kbd>N</kbd>
          </button>
        </div>
      </section>
    );
  }

  const top = match.candidates[0];
  return (
    <section className="step" aria-labelledby="resident-title">
      <h2 id="resident-title">{t('verifications.ui.resident.title')}</h2>
      <ol className="candidates">
        {match.candidates.map((c) => (
          <li key={c.residentId} className={`candidate ${c.verdict}`}>
            <div className="candidate-head">
              <strong>{c.fullName}</strong>
              <span className={`verdict ${c.verdict}`}>{t(`residents.verdicts.${c.verdict}`)}</span>
            </div>
            <p className="hint">{[c.documentMasked, c.birthDate].filter(Boolean).join(' · ')}</p>
            <ul className="reasons">
              {c.reasons.map((r) => (
                <li key={r}>{t(`residents.reasons.${r}`, { defaultValue: r })}</li>
              ))}
            </ul>
            {c.disagreements.length > 0 && (
              <p className="warning">
                {t('verifications.ui.resident.disagrees', {
                  grounds: c.disagreements
                    .map((g) => t(`verifications.overrideGrounds.${g}`))
                    .join(', '),
                })}
              </p>
            )}
            {c.verified.length > 0 && (
              <p className="hint">
                {t('verifications.ui.resident.alreadyVerified', {
                  handles: c.verified
                    .map((v) => `${t(`verifications.networks.${v.network}`)} ${v.handle}`)
                    .join(', '),
                })}
              </p>
            )}
            <button
              type="button"
              className={c === top && c.verdict === 'strong' ? 'primary' : ''}
              disabled={busy}
              autoFocus={c === top && c.verdict === 'strong'}
              onClick={() => onAccept(c)}
            >
              {t('verifications.ui.resident.accept')}
              <span className="sr-only">: {c.fullName}</span>
              {c === top && c.verdict === 'strong' && <kbd>Enter</kbd>}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onNone} disabled={busy}>
        {t('verifications.ui.resident.none')} <kbd>N</kbd>
      </button>
    </section>
  );
};
