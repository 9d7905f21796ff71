import { z } from 'zod';
import { IsoDay } from '../dates';
import { ReadDocumentType } from '../document-number';

/**
 * Contract for reading scanned IDs (issue 3). The CLI's `--json` lines, the UI and the
 * resident matcher all consume these shapes, so field names follow the issue exactly.
 */

export const OcrDocument = z.object({
  document_type: ReadDocumentType,
  /** DNI `12345678Z`, NIE `X1234567L`, or the passport / foreign document number. */
  document_number: z.string().nullable(),
  surname1: z.string().nullable(),
  surname2: z.string().nullable(),
  /** Both surnames joined with a space, as printed (accents kept when read from the front). */
  surnames: z.string().nullable(),
  given_names: z.string().nullable(),
  birth_date: IsoDay.nullable(),
  sex: z.enum(['M', 'F', 'X']).nullable(),
  /** ISO 3166 alpha-3 (ICAO variant, e.g. `D` for Germany is kept as printed). */
  nationality: z.string().nullable(),
  expiry_date: IsoDay.nullable(),
  issuing_state: z.string().nullable(),
  /** Spanish card support number (`BAA000589`, `E12345678`); null when the document has none. */
  support_number: z.string().nullable(),
  /** DNI carried in a Spanish passport's optional data, letter checked; null otherwise. */
  personal_number: z.string().nullable(),
});
export type OcrDocument = z.infer<typeof OcrDocument>;

/** A document with every field unread, filled in with what is known (typing by hand starts here). */
export const emptyOcrDocument = (known: Partial<OcrDocument> = {}): OcrDocument => ({
  document_type: 'DNI',
  document_number: null,
  surname1: null,
  surname2: null,
  surnames: null,
  given_names: null,
  birth_date: null,
  sex: null,
  nationality: null,
  expiry_date: null,
  issuing_state: null,
  support_number: null,
  personal_number: null,
  ...known,
});

export const OcrDocumentField = OcrDocument.keyof();
export type OcrDocumentField = z.infer<typeof OcrDocumentField>;

export const OcrMrz = z.object({
  format: z.enum(['TD1', 'TD2', 'TD3']),
  lines: z.array(z.string()),
  /** One entry per check digit (e.g. `document_number`, `birth_date`, `composite`, `dni_letter`). */
  checks: z.record(z.string(), z.boolean()),
  valid: z.boolean(),
});
export type OcrMrz = z.infer<typeof OcrMrz>;

/** `read_back_side`: only a front was read and some field on it is doubtful; read the back. */
export const OcrWarning = z.enum(['expired', 'under_14', 'front_back_mismatch', 'read_back_side']);
export type OcrWarning = z.infer<typeof OcrWarning>;

export const OcrSource = z.enum(['mrz', 'front', 'both']);
export type OcrSource = z.infer<typeof OcrSource>;

/** What `readDocument` returns for an accepted document. */
export const OcrResult = z.object({
  document: OcrDocument,
  source: OcrSource,
  mrz: OcrMrz.nullable(),
  confidence: z.number().min(0).max(1),
  /** Document fields the clerk must confirm on screen; empty when every field is sure. */
  uncertain: z.array(OcrDocumentField),
  warnings: z.array(OcrWarning),
});
export type OcrResult = z.infer<typeof OcrResult>;

export const OcrErrorCode = z.enum([
  'unsupported_file',
  'corrupt_image',
  'too_small',
  'too_large',
  'no_document',
  'mrz_check_failed',
  'mrz_unreadable',
  'ocr_timeout',
  'file_not_found',
]);
export type OcrErrorCode = z.infer<typeof OcrErrorCode>;

/** One line of `ventanilla ocr FILE... --json`, per file, in order. */
export const OcrFileLine = z.discriminatedUnion('ok', [
  OcrResult.extend({
    file: z.string(),
    ok: z.literal(true),
    ms: z.number(),
  }),
  z.object({
    file: z.string(),
    ok: z.literal(false),
    ms: z.number().optional(),
    error: z.object({ code: z.string(), message: z.string() }),
    /** Whatever could be read before the failure (e.g. MRZ lines whose checks failed). */
    partial: z.record(z.string(), z.unknown()),
  }),
]);
export type OcrFileLine = z.infer<typeof OcrFileLine>;
