import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrDocument, OcrDocumentField, OcrResult } from '../../../../shared/contract/ocr';

const EDITABLE: readonly OcrDocumentField[] = [
  'document_number',
  'given_names',
  'surname1',
  'surname2',
  'birth_date',
  'expiry_date',
  'nationality',
];

export interface Reviewed {
  readonly document: OcrDocument;
  readonly corrected: OcrDocumentField[];
}

/** Every field can be fixed; what the clerk changes is recorded as corrected by the clerk. */
export const ReviewStep = ({
  result,
  today,
  busy,
  onSubmit,
}: {
  result: OcrResult;
  today: string;
  busy: boolean;
  onSubmit: (r: Reviewed) => void;
}) => {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<OcrDocument>(result.document);
  const corrected = EDITABLE.filter((f) => (doc[f] ?? '') !== (result.document[f] ?? ''));
  const expired = Boolean(doc.expiry_date && doc.expiry_date < today);
  const warnings = result.warnings.filter((w) => w !== 'expired');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ document: doc, corrected });
  };

  return (
    <form onSubmit={submit} className="step" aria-labelledby="review-title">
      <h2 id="review-title">{t('verifications.ui.review.title')}</h2>
      <p className="hint">
        {t('verifications.ui.review.source', {
          type: result.document.document_type,
          confidence: Math.round(result.confidence * 100),
        })}
      </p>
      {expired && (
        <p role="alert" className="error">
          {t('verifications.ui.review.expired', { date: doc.expiry_date })}
        </p>
      )}
      {warnings.map((w) => (
        <p key={w} role="alert" className="warning">
          {t(`verifications.ui.review.warnings.${w}`)}
        </p>
      ))}
      <div className="field-grid">
        {EDITABLE.map((f) => {
          const flagged = result.uncertain.includes(f);
          const changed = corrected.includes(f);
          return (
            <div
              key={f}
              className={`field${flagged ? ' uncertain' : ''}${changed ? ' corrected' : ''}`}
            >
              <label htmlFor={`doc-${f}`}>{t(`verifications.ui.fields.${f}`)}</label>
              <input
                id={`doc-${f}`}
                value={doc[f] ?? ''}
                aria-describedby={flagged || changed ? `doc-${f}-note` : undefined}
                onChange={(e) =>
                  setDoc({ ...doc, [f]: e.target.value === '' ? null : e.target.value })
                }
              />
              {(flagged || changed) && (
                <small id={`doc-${f}-note`} className="hint">
                  {changed
                    ? t('verifications.ui.review.corrected')
                    : t('verifications.ui.review.uncertain')}
                </small>
              )}
            </div>
          );
        })}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy} autoFocus>
          {t('verifications.ui.review.search')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};
