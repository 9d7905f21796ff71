import { AppError, isAppError } from '../../shared/errors';
import { mrzCheckPasses } from '../identity/check-digits';
import { coveredText, cut, layoutOf, type Span } from '../identity/mrz-layout';
import { mrzDate, shapeMrz, splitMrzName } from '../identity/mrz-read';

// Checks named by what the clerk should look at on the card; the composite last, as a fallback.
const ORDER = ['birth_date', 'expiry_date', 'document_number', 'personal_number', 'composite'];

const text = (lines: readonly string[], span: Span | null): string =>
  span ? cut(lines, span).replace(/<+$/g, '').replace(/</g, ' ').trim() : '';

/**
 * A card whose machine-readable lines fail a check digit: which check failed, and what the lines
 * say anyway, so the clerk can type the data from the card with the reading as a start.
 */
export const explainMrzFailure = (
  partialLines: string,
  today: Date,
): Record<string, string> | null => {
  const shaped = shapeMrz(partialLines.split('\n').filter((l) => l.trim() !== ''));
  if (!shaped) return null;
  const layout = layoutOf(shaped.format);
  const { lines } = shaped;
  const failed = layout.checks
    .filter((c) => !mrzCheckPasses(coveredText(lines, c), cut(lines, c.digit)))
    .map((c) => c.key)
    .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const name = layout.fields.name ? splitMrzName(cut(lines, layout.fields.name)) : null;
  const code = text(lines, layout.fields.documentCode);
  const number = text(lines, layout.fields.documentNumber).replace(/\s/g, '');
  // A Spanish card carries its DNI/NIE number in the optional data; the first field is the support.
  const spanish = /^(?:\d{8}|[XYZ]\d{7})[A-Z]/.exec(
    text(lines, layout.fields.optional1).replace(/\s/g, ''),
  )?.[0];
  const kind = code.startsWith('P')
    ? 'PASSPORT'
    : spanish
      ? /^\d/.test(spanish)
        ? 'DNI'
        : 'NIE'
      : 'OTHER';
  const fields: Record<string, string | null> = {
    check: failed[0] ?? 'composite',
    document_type: kind,
    document_number: (spanish ?? number) || null,
    surnames: name?.surnames || null,
    given_names: name?.given || null,
    birth_date: mrzDate(text(lines, layout.fields.birthDate), 'birth', today),
    expiry_date: mrzDate(text(lines, layout.fields.expiryDate), 'expiry', today),
    nationality: text(lines, layout.fields.nationality) || null,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
};

/** Says which check digit failed instead of a general "could not read". */
export const explainReadFailure = (e: unknown, today: Date): unknown => {
  if (!isAppError(e) || e.code !== 'mrz_check_failed') return e;
  const lines = e.params?.lines;
  const explained = typeof lines === 'string' ? explainMrzFailure(lines, today) : null;
  return explained ? new AppError(`mrz_check_failed_${explained.check}`, explained, 422) : e;
};
