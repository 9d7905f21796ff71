import { z } from 'zod';

/** What a staff-typed reason may carry that the log must not keep whole. */
export type PersonalData = 'document' | 'phone' | 'email';

// Emails first: their local part may hold digits the other patterns would half-mask.
const PATTERNS: readonly (readonly [PersonalData, RegExp])[] = [
  ['email', /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu],
  // DNI (8 digits and a letter) or NIE (X/Y/Z, 7 digits, a letter), dots or dashes allowed.
  [
    'document',
    /(?<![\p{L}\d])(?:[XYZ][\s.-]?\d{7}|\d{2}\.?\d{3}\.?\d{3})[\s.-]?[A-Z](?![\p{L}\d])/giu,
  ],
  // A Spanish number (9 digits from 6 to 9), spaced or not, with or without +34 / 0034.
  ['phone', /(?<![\p{L}\d+])(?:(?:\+|00)\d{2}[\s.-]?)?[6-9](?:[\s.-]?\d){8}(?![\p{L}\d])/gu],
];

const maskEmail = (email: string): string => {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
};

/** The document masked as the desk masks it elsewhere: only the middle digits show. */
const maskDocument = (raw: string): string => {
  const n = raw.toUpperCase().replace(/[\s.-]/g, '');
  const [from, to] = /^[XYZ]/.test(n) ? [4, 8] : [3, 7];
  return '*'.repeat(from) + n.slice(from, to) + '*'.repeat(n.length - to);
};

/** Every digit but the last two hidden, separators kept so the text still reads. */
const maskPhone = (raw: string): string => {
  const digits = raw.replace(/\D/g, '').length;
  let seen = 0;
  return raw.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
};

const MASKS: Readonly<Record<PersonalData, (raw: string) => string>> = {
  email: maskEmail,
  document: maskDocument,
  phone: maskPhone,
};

/** Which kinds of personal data a text holds, for the warning shown while it is typed. */
export const personalDataIn = (text: string): PersonalData[] =>
  PATTERNS.filter(([, pattern]) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  }).map(([kind]) => kind);

/** The text with document numbers, phone numbers and emails masked, as it may be stored. */
export const maskPersonalData = (text: string): string =>
  PATTERNS.reduce((out, [kind, pattern]) => out.replace(pattern, MASKS[kind]), text);

/**
 * A reason staff type (an override, a revocation, a discarded op): bounded, and masked on the way
 * in, so every operation that takes one stores it masked without remembering to.
 */
export const ReasonText = z.string().trim().min(3).max(500).transform(maskPersonalData);
