import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrDocument, OcrResult } from '../../../../shared/contract/ocr';
import { OcrDocument as OcrDocumentSchema } from '../../../../shared/contract/ocr';
import type {
  Candidate,
  DocumentEntry,
  MatchResult,
  OverrideGround,
  TodayStats,
  Verification,
} from '../../../../shared/contract/verifications';
import { ClientError } from '../../api/client';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner } from '../../components/form';
import { CaptureStep } from './capture-step';
import { DoneStep } from './done-step';
import { type HandleChoice, HandleStep } from './handle-step';
import { fileToBase64 } from './print';
import { ResidentStep } from './resident-step';
import { type Reviewed, ReviewStep, typedResult } from './review-step';
import { Stepper, type StepName } from './stepper';
import { TodayPanel } from './today-panel';
import './verify.css';

/** One resident at the counter: what was read, then each later step's outcome as it comes. */
interface Flow {
  readonly result: OcrResult;
  readonly entry: DocumentEntry;
  readonly reviewed?: Reviewed;
  readonly match?: MatchResult;
  readonly candidate?: Candidate;
}

type View = 'capture' | 'reading' | 'review' | 'resident' | 'handle' | 'done';

// Errors that say a manager must authorise the save: the form then asks for it.
const OVERRIDE_CODES = new Set([
  'document_expired',
  'document_resident_mismatch',
  'override_required',
]);

/** Whatever a failed reading managed to read, as document fields (never invented ones). */
const partialOf = (failure: unknown): Partial<OcrDocument> => {
  if (!(failure instanceof ClientError) || !failure.params) return {};
  const picked = OcrDocumentSchema.partial().safeParse(failure.params);
  return picked.success ? picked.data : {};
};

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

/** The clerk's home: scan (or type), review, resident, handle and proof, done. */
export const VerifyScreen = () => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run, setError } = useAction();
  const [view, setView] = useState<View>('capture');
  const [flow, setFlow] = useState<Flow | null>(null);
  /** Why the last reading failed; the clerk can type the data from there. */
  const [readFailure, setReadFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<Verification | null>(null);
  const [startedAt, setStartedAt] = useState(() => new Date().toISOString());
  const [askOverride, setAskOverride] = useState(false);
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

  const begin = (result: OcrResult, entry: DocumentEntry, at: string) => {
    setError(null);
    setReadFailure(null);
    setAskOverride(false);
    setStartedAt(at);
    setFlow({ result, entry });
    setView('review');
  };

  const failRead = (failure: unknown) => {
    setReadFailure(failure);
    setError(failure);
    setView('capture');
  };

  // The scanner folder is watched by the core; a card scanned there appears here on its own.
  const capturing = view === 'capture';
  useEffect(() => {
    if (!capturing) return;
    const id = window.setInterval(() => {
      api
        .verifyScannerNext({})
        .then(({ card }) => {
          if (!card) return;
          if (!card.ok) return failRead(new ClientError({ code: card.code, params: card.params }));
          begin(card.result, 'read', card.startedAt);
        })
        .catch(() => undefined);
    }, 1500);
    return () => window.clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- begin/failRead only set state
  }, [api, capturing]);

  const restart = () => {
    setError(null);
    setReadFailure(null);
    setAskOverride(false);
    setFlow(null);
    setSaved(null);
    setView('capture');
  };

  const read = async (files: Blob[]) => {
    setView('reading');
    setError(null);
    const [front, back] = await Promise.all(files.map(fileToBase64));
    try {
      const out = await api.verifyReadImage({ front, ...(back ? { back } : {}) });
      begin(out.result, 'read', out.startedAt);
    } catch (e) {
      failRead(e);
    }
  };

  /** From any failed reading: the same review form, empty or with what was read. */
  const typeByHand = () =>
    begin(typedResult(partialOf(readFailure)), 'typed', new Date().toISOString());

  const lookUp = async (reviewed: Reviewed) => {
    if (!flow) return;
    const match = await run(() =>
      api.verifyMatch({ document: reviewed.document, entry: reviewed.entry }),
    );
    if (match) {
      setFlow({ result: flow.result, entry: flow.entry, reviewed, match });
      setView('resident');
    }
    refresh();
  };

  const noneOfThem = async (reviewed: Reviewed, match: MatchResult) => {
    const ok = await run(() => api.verifyRejectCandidates({ document: reviewed.document }));
    if (ok && flow)
      setFlow({ ...flow, match: { ...match, outcome: 'not_in_register', candidates: [] } });
  };

  const save = async (reviewed: Reviewed, candidate: Candidate, choice: HandleChoice) => {
    const v = await run(async () => {
      try {
        return await api.verifySave({
          residentId: candidate.residentId,
          document: reviewed.document,
          corrected: reviewed.corrected,
          entry: reviewed.entry,
          network: choice.network,
          handle: choice.handle,
          platformUserId: choice.platformUserId,
          proof: choice.proof,
          startedAt,
          ...(choice.pendingRequestId ? { pendingRequestId: choice.pendingRequestId } : {}),
          ...(choice.override ? { override: choice.override } : {}),
        });
      } catch (e) {
        if (e instanceof ClientError && OVERRIDE_CODES.has(e.code)) setAskOverride(true);
        throw e;
      } finally {
        refresh();
      }
    });
    if (v) {
      setSaved(v);
      setView('done');
    }
  };

  const today = new Date().toISOString().slice(0, 10);
  const expiry = flow?.reviewed?.document.expiry_date;
  const grounds: OverrideGround[] = [
    ...(expiry && expiry < today ? (['document_expired'] as const) : []),
    ...(flow?.candidate?.disagreements ?? []),
  ];
  if (askOverride && grounds.length === 0) grounds.push('document_expired');

  const reached: StepName[] =
    view === 'done'
      ? []
      : [
          'capture',
          ...(flow ? (['review'] as const) : []),
          ...(flow?.match ? (['resident'] as const) : []),
          ...(flow?.candidate ? (['handle'] as const) : []),
        ];
  const goTo = (s: StepName) => {
    setError(null);
    if (s === 'capture') restart();
    else setView(s);
  };

  return (
    <div className="verify">
      <section className="verify-main" aria-labelledby="verify-title">
        <h1 id="verify-title">{t('verifications.ui.title')}</h1>
        <Stepper current={view === 'reading' ? 'capture' : view} reached={reached} onGo={goTo} />
        <ErrorBanner message={error} />
        {view === 'capture' && (
          <CaptureStep
            onImages={(f) => void read(f)}
            {...(readFailure ? { onTypeByHand: typeByHand } : {})}
          />
        )}
        {view === 'reading' && <Reading />}
        {view === 'review' && flow && (
          <ReviewStep
            result={flow.result}
            initial={flow.reviewed?.document}
            entry={flow.entry}
            today={today}
            busy={busy}
            onSubmit={(r) => void lookUp(r)}
            onEdit={() => setError(null)}
          />
        )}
        {view === 'resident' && flow?.reviewed && flow.match && (
          <ResidentStep
            match={flow.match}
            busy={busy}
            onAccept={(candidate) => {
              setError(null);
              setAskOverride(false);
              setFlow({ ...flow, candidate });
              setView('handle');
            }}
            onNone={() => flow.reviewed && flow.match && void noneOfThem(flow.reviewed, flow.match)}
            onRestart={restart}
            onReview={() => goTo('review')}
          />
        )}
        {view === 'handle' && flow?.reviewed && flow.candidate && (
          <HandleStep
            candidate={flow.candidate}
            grounds={grounds}
            busy={busy}
            onEdit={() => setError(null)}
            onSave={(choice) =>
              flow.reviewed && flow.candidate && void save(flow.reviewed, flow.candidate, choice)
            }
          />
        )}
        {view === 'done' && saved && <DoneStep verification={saved} onNext={restart} />}
        {view !== 'capture' && view !== 'done' && view !== 'reading' && (
          <button type="button" className="link" onClick={restart}>
            {t('verifications.ui.common.startAgain')}
          </button>
        )}
      </section>
      <TodayPanel stats={stats} recent={recent} onChanged={refresh} />
    </div>
  );
};
