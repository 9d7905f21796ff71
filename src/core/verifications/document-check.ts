import type { OcrDocument } from '../../shared/contract/ocr';
import type { OverrideGround } from '../../shared/contract/verifications';
import { AppError } from '../../shared/errors';
import {
  documentKind,
  hasValidLetter,
  maskDocumentNumber,
  normalizeDocumentNumber,
} from '../../shared/document-number';
import type { RegisterCandidate } from './residents-port';

// No DNI is ever issued with all-zero digits: 00000000T passes its letter but is made up.
const MADE_UP = /^0{8}[A-Z]$|^[XYZ]0{7}[A-Z]$/;

/**
 * Refuses a number no real document carries: a DNI or NIE whose control letter does not fit its
 * digits, all-zero digits, or anything outside the characters a document number is made of.
 * Returns the normalised number.
 */
export const checkedDocumentNumber = (document: OcrDocument): string => {
  const raw = document.document_number?.trim() ?? '';
  if (raw === '') throw new AppError('document_number_required', {}, 400);
  const number = normalizeDocumentNumber(raw);
  const kind = documentKind(number);
  const masked = maskDocumentNumber(number);
  const spanish = document.document_type === 'DNI' || document.document_type === 'NIE';
  if (spanish && kind !== document.document_type) {
    throw new AppError('document_number_malformed', { masked }, 422);
  }
  if (kind !== 'OTHER' && !hasValidLetter(number)) {
    throw new AppError('document_number_bad_letter', { masked }, 422);
  }
  if (MADE_UP.test(number) || !/^[A-Z0-9]{4,20}$/.test(number)) {
    throw new AppError('document_number_malformed', { masked }, 422);
  }
  const personal = document.personal_number?.trim();
  if (personal) {
    const p = normalizeDocumentNumber(personal);
    if (documentKind(p) === 'OTHER' || !hasValidLetter(p) || MADE_UP.test(p)) {
      throw new AppError('document_number_bad_letter', { masked: maskDocumentNumber(p) }, 422);
    }
  }
  return number;
};

const NUMBER: readonly string[] = ['document_number_mismatch', 'registered_with_other_document'];
const NAME: readonly string[] = ['surname_mismatch', 'given_name_mismatch'];

/**
 * Where the document disagrees with the register's record of one resident, from the register's
 * matcher. A resident the matcher does not even offer for this document disagrees as a whole.
 */
export const disagreementsOf = (candidate: RegisterCandidate | undefined): OverrideGround[] => {
  if (!candidate) return ['not_matched'];
  const out: OverrideGround[] = [];
  if (candidate.reasons.some((r) => NUMBER.includes(r))) out.push('number_mismatch');
  if (candidate.reasons.some((r) => NAME.includes(r))) out.push('name_mismatch');
  if (candidate.reasons.includes('birth_date_mismatch')) out.push('birth_date_mismatch');
  return out;
};
