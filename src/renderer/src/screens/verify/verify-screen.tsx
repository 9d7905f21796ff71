import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrResult } from '../../../../shared/contract/ocr';
import type {
  Candidate,
  MatchResult,
  TodayStats,
  Verification,
} from '../../../../shared/contract/verifications';
import { ClientError } from '../../api/client';
import { useAction, useApp, useErrorText } from '../../app-context';
import { ErrorBanner } from '../../components/form';
import { CaptureStep } from './capture-step';
import { DoneStep } from './done-step';
import { type HandleChoice, HandleStep } from './handle-step';
import { fileToBase64 } from './print';
import { ResidentStep } from './resident-step';
import { type Reviewed, ReviewStep } from './review-step';
import { TodayPanel } from './today-panel';
import './verify.css';

type Step =
  | { kind: 'capture' }
  | { kind: 'reading' }
  | { kind: 'review'; result: OcrResult }
  | { kind: 'resident'; reviewed: Reviewed; match: MatchResult }
  | { kind: 'handle'; reviewed: Reviewed; candidate: Candidate }
  | { kind: 'done'; verification: Verification };

const STEPS = ['capture', 'review', 'resident', 'handle', 'done'] as const;
const stepIndex = (kind: Step['kind']): number => (kind === 'reading' ? 0 : STEPS.indexOf(kind));

/** Reading progress: OCR gives no percentages, so the clerk sees it is alive and for how long. */
const Reading = () => {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <section className="step" aria-busy="true">
      <h2>{t('verifications.ui.reading.title')}</h2>
      <progress aria-label={t('verifications.ui.reading.title')} />
      <p role="status">{t('verifications.ui.reading.elapsed', { seconds })}</p>
    </section>
  );
};

/** The clerk's home: scan, review, resident, handle and proof, done. */
export const VerifyScreen = () => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run, setError } = useAction();
  const [step, setStep] = useState<Step>({ kind: 'capture' });
  const [startedAt, setStartedAt] = useState(() => new Date().toISOString());
  const [needsOverride, setNeedsOverride] = useState(false);
  const [stats, setStats] = useState<TodayStats | null>(null);
  const [recent, setRecent] = useState<Verification[]>([]);

  const refresh = useCallback(() => {
    api
      .verifyToday({})
      .then(setStats)
      .catch(() => setStats(null));
    api
      .verifyRecent({ limit: 8 })
      .then(setRecent)
      .catch(() => setRecent([]));
  }, [api]);
  useEffect(refresh, [refresh]);
  // The OCR workers take seconds to start: start them now, not on the first card.
  useEffect(() => {
    api.verifyWarmUp({}).catch(() => undefined);
  }, [api]);

  // The scanner folder is watched by the core; a card scanned there appears here on its own.
  const errorText = useErrorText();
  const capturing = step.kind === 'capture';
  useEffect(() => {
    if (!capturing) return;
    const id = window.setInterval(() => {
      api
        .verifyScannerNext({})
        .then(({ card }) => {
          if (!card) return;
          if (!card.ok) return setError(errorText(new ClientError({ code: card.code })));
          setError(null);
          setStartedAt(card.startedAt);
          setStep({ kind: 'review', result: card.result });
        })
        .catch(() => undefined);
    }, 1500);
    return () => window.clearInterval(id);
  }, [api, capturing, errorText, setError]);

  const restart = () => {
    setError(null);
    setNeedsOverride(false);
    setStep({ kind: 'capture' });
  };

  const read = async (files: Blob[]) => {
    setStep({ kind: 'reading' });
    const [front, back] = await Promise.all(files.map(fileToBase64));
    const out = await run(() => api.verifyReadImage({ front, ...(back ? { back } : {}) }));
    if (!out) return setStep({ kind: 'capture' });
    setStartedAt(out.startedAt);
    setStep({ kind: 'review', result: out.result });
  };

  const lookUp = async (reviewed: Reviewed) => {
    const match = await run(() => api.verifyMatch({ document: reviewed.document }));
    if (match) setStep({ kind: 'resident', reviewed, match });
    refresh();
  };

  const noneOfThem = async (reviewed: Reviewed, match: MatchResult) => {
    const ok = await run(() => api.verifyRejectCandidates({ document: reviewed.document }));
    if (ok)
      setStep({
        kind: 'resident',
        reviewed,
        match: { ...match, outcome: 'not_in_register', candidates: [] },
      });
  };

  const save = async (reviewed: Reviewed, candidate: Candidate, choice: HandleChoice) => {
    const v = await run(async () => {
      try {
        return await api.verifySave({
          residentId: candidate.residentId,
          document: reviewed.document,
          corrected: reviewed.corrected,
          network: choice.network,
          handle: choice.handle,
          platformUserId: choice.platformUserId,
          proof: choice.proof,
          startedAt,
          ...(choice.pendingRequestId ? { pendingRequestId: choice.pendingRequestId } : {}),
          ...(choice.override ? { override: choice.override } : {}),
        });
      } catch (e) {
        if (e instanceof ClientError && e.code === 'document_expired') setNeedsOverride(true);
        throw e;
      } finally {
        refresh();
      }
    });
    if (v) setStep({ kind: 'done', verification: v });
  };

  const today = new Date().toISOString().slice(0, 10);
  const current = stepIndex(step.kind);
  return (
    <div className="verify">
      <section className="verify-main" aria-labelledby="verify-title">
        <h1 id="verify-title">{t('verifications.ui.title')}</h1>
        <ol className="stepper" aria-label={t('verifications.ui.stepsLabel')}>
          {STEPS.map((s, i) => (
            <li
              key={s}
              aria-current={i === current ? 'step' : undefined}
              className={i < current ? 'past' : ''}
            >
              {t(`verifications.ui.steps.${s}`)}
            </li>
          ))}
        </ol>
        <ErrorBanner message={error} />
        {step.kind === 'capture' && <CaptureStep onImages={(f) => void read(f)} />}
        {step.kind === 'reading' && <Reading />}
        {step.kind === 'review' && (
          <ReviewStep
            result={step.result}
            today={today}
            busy={busy}
            onSubmit={(r) => void lookUp(r)}
          />
        )}
        {step.kind === 'resident' && (
          <ResidentStep
            match={step.match}
            busy={busy}
            onAccept={(candidate) => {
              setError(null);
              setStep({ kind: 'handle', reviewed: step.reviewed, candidate });
            }}
            onNone={() => void noneOfThem(step.reviewed, step.match)}
            onRestart={restart}
          />
        )}
        {step.kind === 'handle' && (
          <HandleStep
            candidate={step.candidate}
            needsOverride={needsOverride}
            busy={busy}
            onSave={(choice) => void save(step.reviewed, step.candidate, choice)}
          />
        )}
        {step.kind === 'done' && <DoneStep verification={step.verification} onNext={restart} />}
        {step.kind !== 'capture' && step.kind !== 'done' && step.kind !== 'reading' && (
          <button type="button" className="link" onClick={restart}>
            {t('verifications.ui.common.startAgain')}
          </button>
        )}
      </section>
      <TodayPanel stats={stats} recent={recent} onChanged={refresh} />
    </div>
  );
};
