import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  emptyOcrDocument,
  type OcrDocument,
  type OcrDocumentField,
  type OcrResult,
} from '../../../../shared/contract/ocr';
import { ReadDocumentType } from '../../../../shared/document-number';
import type { DocumentEntry } from '../../../../shared/contract/verifications';
import { formatDayMonthYear } from '../../../../shared/dates';
import { DateField } from '../../components/date-field';

const TEXT_FIELDS: readonly OcrDocumentField[] = [
  'document_number',
  'given_names',
  'surname1',
  'surname2',
];
const DATE_FIELDS = ['birth_date', 'expiry_date'] as const;
const EDITABLE: readonly OcrDocumentField[] = [
  'document_type',
  ...TEXT_FIELDS,
  ...DATE_FIELDS,
  'nationality',
];

export interface Reviewed {
  readonly document: OcrDocument;
  readonly corrected: OcrDocumentField[];
  readonly entry: DocumentEntry;
}

/** An empty reading, or what a failed one managed to read: the start of typing by hand. */
export const typedResult = (partial: Partial<OcrDocument> = {}): OcrResult => ({
  document: emptyOcrDocument(partial),
  source: 'mrz',
  mrz: null,
  confidence: 0,
  uncertain: [],
  warnings: [],
});

/**
 * Every field can be fixed; what the clerk changes is recorded as corrected by the clerk. Typed by
 * hand, the same form starts empty (or with what a failed reading saw) and the record says so.
 */
export const ReviewStep = ({
  result,
  initial,
  entry,
  today,
  busy,
  onSubmit,
  onEdit,
}: {
  result: OcrResult;
  /** The clerk's earlier edits, when they come back to this step. */
  initial?: OcrDocument | undefined;
  entry: DocumentEntry;
  today: string;
  busy: boolean;
  onSubmit: (r: Reviewed) => void;
  /** A field changed: an error about the earlier data no longer applies. */
  onEdit: () => void;
}) => {
  const { t } = useTranslation();
  const [doc, setDocument] = useState<OcrDocument>(initial ?? result.document);
  const setDoc = (next: OcrDocument | ((d: OcrDocument) => OcrDocument)) => {
    setDocument(next);
    onEdit();
  };
  const [badDates, setBadDates] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const corrected = EDITABLE.filter((f) => (doc[f] ?? '') !== (result.document[f] ?? ''));
  const readExpired = result.warnings.includes('expired') && !corrected.includes('expiry_date');
  const expired = Boolean((doc.expiry_date && doc.expiry_date < today) || readExpired);
  const warnings = result.warnings.filter((w) => w !== 'expired');
  const typed = entry === 'typed';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (badDates.size > 0) return;
    // The register is searched by `surnames` as read; surnames the clerk typed replace it.
    const retyped = corrected.includes('surname1') || corrected.includes('surname2');
    const surnames = retyped
      ? [doc.surname1, doc.surname2].filter(Boolean).join(' ') || null
      : doc.surnames;
    onSubmit({ document: { ...doc, surnames }, corrected, entry });
  };

  const note = (f: OcrDocumentField) => {
    const flagged = result.uncertain.includes(f);
    const changed = corrected.includes(f) && !typed;
    if (!flagged && !changed) return undefined;
    return changed
      ? t('verifications.ui.review.corrected')
      : t('verifications.ui.review.uncertain');
  };
  const classes = (f: OcrDocumentField) =>
    `field${result.uncertain.includes(f) ? ' uncertain' : ''}${corrected.includes(f) && !typed ? ' corrected' : ''}`;

  return (
    <form onSubmit={submit} className="step" aria-labelledby="review-title">
      <h2 id="review-title">
        {typed ? t('verifications.ui.review.manualTitle') : t('verifications.ui.review.title')}
      </h2>
      <p className="hint">
        {typed
          ? t('verifications.ui.review.manualSource')
          : t('verifications.ui.review.source', {
              type: result.document.document_type,
              confidence: Math.round(result.confidence * 100),
            })}
      </p>
      {expired && (
        <p role="alert" className="error">
          {t('verifications.ui.review.expired', {
            date: formatDayMonthYear(doc.expiry_date ?? result.document.expiry_date ?? ''),
          })}
        </p>
      )}
      {warnings.map((w) => (
        <p key={w} role="alert" className="warning">
          {t(`verifications.ui.review.warnings.${w}`)}
        </p>
      ))}
      <div className="field-grid">
        {TEXT_FIELDS.map((f, i) => (
          <div key={f} className={classes(f)}>
            <label htmlFor={`doc-${f}`}>{t(`verifications.ui.fields.${f}`)}</label>
            <input
              id={`doc-${f}`}
              value={doc[f] ?? ''}
              // The first field is where the clerk starts: typing, or Enter to search.
              autoFocus={i === 0}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={note(f) ? `doc-${f}-note` : undefined}
              onChange={(e) =>
                setDoc({ ...doc, [f]: e.target.value === '' ? null : e.target.value })
              }
            />
            {note(f) && (
              <small id={`doc-${f}-note`} className="hint">
                {note(f)}
              </small>
            )}
          </div>
        ))}
        {DATE_FIELDS.map((f) => (
          <DateField
            key={f}
            id={`doc-${f}`}
            className={classes(f).replace(/^field ?/, '')}
            label={t(`verifications.ui.fields.${f}`)}
            value={doc[f]}
            {...(note(f) ? { hint: note(f) } : {})}
            onChange={(iso, text) => {
              setDoc((d) => ({ ...d, [f]: iso }));
              setBadDates((b) => {
                const next = new Set(b);
                if (iso === null && text.trim() !== '') next.add(f);
                else next.delete(f);
                return next;
              });
            }}
          />
        ))}
        <div className={classes('nationality')}>
          <label htmlFor="doc-nationality">{t('verifications.ui.fields.nationality')}</label>
          <input
            id="doc-nationality"
            value={doc.nationality ?? ''}
            autoComplete="off"
            onChange={(e) =>
              setDoc({ ...doc, nationality: e.target.value === '' ? null : e.target.value })
            }
          />
        </div>
        <div className={classes('document_type')}>
          <label htmlFor="doc-document_type">{t('verifications.ui.review.documentType')}</label>
          <select
            id="doc-document_type"
            value={doc.document_type}
            onChange={(e) => {
              const type = ReadDocumentType.safeParse(e.target.value);
              if (type.success) setDoc({ ...doc, document_type: type.data });
            }}
          >
            {ReadDocumentType.options.map((o) => (
              <option key={o} value={o}>
                {t(`verifications.ui.review.documentTypes.${o}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {tried && badDates.size > 0 && (
        <p role="alert" className="error">
          {t('verifications.ui.review.fixDates')}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('verifications.ui.review.search')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};
