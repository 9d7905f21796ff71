import type { OcrDocument } from '../../src/shared/contract/ocr';

/** An OCR `document` with every field unread, to fill in with what a test needs. */
export const ocrDocument = (fields: Partial<OcrDocument> = {}): OcrDocument => ({
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
  ...fields,
});
