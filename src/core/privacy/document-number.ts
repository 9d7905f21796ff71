import { createHmac, type KeyObject } from 'node:crypto';
import { normalizeDocumentNumber } from '../../shared/document-number';

/** Keyed hash: the only form in which a document number is stored or compared. */
export const hashDocumentNumber = (hmacKey: Buffer | KeyObject, raw: string): string =>
  createHmac('sha256', hmacKey).update(normalizeDocumentNumber(raw)).digest('hex');
