import { z } from 'zod';

/**
 * Spanish document numbers, one definition for identity, residents, forms, verifications and
 * privacy: the document types, the control letter, the normal form and the mask. The keyed hash
 * needs node:crypto and lives in the core (`core/privacy/document-number`).
 */
export const documentTypes = ['DNI', 'NIE', 'PASSPORT', 'OTHER', 'NONE'] as const;
/** A resident's document type; `NONE` for a register row without a document. */
export const DocumentType = z.enum(documentTypes);
export type DocumentType = z.infer<typeof DocumentType>;
/** What a card can be read as: every type but `NONE`. */
export const ReadDocumentType = DocumentType.exclude(['NONE']);
export type ReadDocumentType = z.infer<typeof ReadDocumentType>;

/** The shape a normal number has: a DNI, a NIE, or anything else. */
export type DocumentKind = 'DNI' | 'NIE' | 'OTHER';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The mod-23 control letter of a DNI's digits (a NIE's with X/Y/Z read as 0/1/2). */
export const dniLetter = (digits: number): string => DNI_LETTERS[digits % 23] ?? '';

const NORMAL = /^(?:\d{8}|[XYZ]\d{7})[A-Z]$/;

/** Upper case, no spaces, dashes or dots; DNI/NIE digits padded back to their full width. */
export const normalizeDocumentNumber = (raw: string): string => {
  // Registers and hashes pass already-normal numbers many times over: keep those as they are.
  if (NORMAL.test(raw)) return raw;
  const compact = raw.toUpperCase().replace(/[\s.\-_/]/g, '');
  const dni = /^(\d{1,8})([A-Z])$/.exec(compact);
  if (dni?.[1] && dni[2]) return dni[1].padStart(8, '0') + dni[2];
  const nie = /^([XYZ])(\d{1,7})([A-Z])$/.exec(compact);
  if (nie?.[1] && nie[2] && nie[3]) return nie[1] + nie[2].padStart(7, '0') + nie[3];
  return compact;
};

export const documentKind = (normalized: string): DocumentKind => {
  if (/^\d{8}[A-Z]$/.test(normalized)) return 'DNI';
  if (/^[XYZ]\d{7}[A-Z]$/.test(normalized)) return 'NIE';
  return 'OTHER';
};

/** The control letter a normal DNI or NIE should end in; null for other documents. */
export const controlLetter = (normalized: string): string | null => {
  const digits = /^[XYZ]/.test(normalized)
    ? String('XYZ'.indexOf(normalized[0] ?? '')) + normalized.slice(1, 8)
    : normalized.slice(0, 8);
  if (!/^\d{8}$/.test(digits)) return null;
  return dniLetter(Number(digits)) || null;
};

/** True for a DNI or NIE whose letter matches its digits; other documents have no letter. */
export const hasValidLetter = (normalized: string): boolean => {
  const kind = documentKind(normalized);
  if (kind === 'OTHER') return false;
  return controlLetter(normalized) === normalized.at(-1);
};

/** `12345678Z`: eight digits and the matching control letter. */
export const isValidDni = (value: string): boolean =>
  documentKind(value) === 'DNI' && hasValidLetter(value);

/** `X1234567L`: X/Y/Z, seven digits and the control letter of that number. */
export const isValidNie = (value: string): boolean =>
  documentKind(value) === 'NIE' && hasValidLetter(value);

const visibleWindow = (length: number): [number, number] => {
  if (length <= 4) return [length, length];
  const from = Math.floor((length - 4) / 2);
  return [from, from + 4];
};

/**
 * The masked form shown on screens and receipts, as the Spanish DPA recommends:
 * DNI `***4567**`, NIE `****4567*`; other documents keep only four middle characters.
 */
export const maskDocumentNumber = (raw: string): string => {
  const n = normalizeDocumentNumber(raw);
  const kind = documentKind(n);
  const [from, to] = kind === 'DNI' ? [3, 7] : kind === 'NIE' ? [4, 8] : visibleWindow(n.length);
  return '*'.repeat(from) + n.slice(from, to) + '*'.repeat(Math.max(0, n.length - to));
};
