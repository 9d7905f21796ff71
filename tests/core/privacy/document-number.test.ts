import { describe, expect, it } from 'vitest';
import { hashDocumentNumber } from '../../../src/core/privacy/document-number';
import {
  controlLetter,
  hasValidLetter,
  maskDocumentNumber,
  normalizeDocumentNumber,
} from '../../../src/shared/document-number';

describe('document numbers', () => {
  it.each([
    ['12345678z', '12345678Z'],
    [' 1234567-L ', '01234567L'],
    ['x-1234567-l', 'X1234567L'],
    ['Y123456X', 'Y0123456X'],
    ['PAA 123456', 'PAA123456'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalizeDocumentNumber(raw)).toBe(expected);
  });

  it('checks DNI and NIE letters', () => {
    expect(controlLetter('12345678Z')).toBe('Z');
    expect(hasValidLetter('12345678Z')).toBe(true);
    expect(hasValidLetter('12345678A')).toBe(false);
    expect(hasValidLetter('X1234567L')).toBe(true);
    expect(hasValidLetter('Y1234567X')).toBe(true);
    expect(hasValidLetter('Z1234567R')).toBe(true);
    expect(hasValidLetter('Z1234567A')).toBe(false);
    expect(hasValidLetter('PAA123456')).toBe(false);
  });

  it('masks as the data-protection guidance says', () => {
    expect(maskDocumentNumber('12345678Z')).toBe('***4567**');
    expect(maskDocumentNumber('X1234567L')).toBe('****4567*');
    expect(maskDocumentNumber('PAA123456')).toBe('**A123***');
  });

  it('hashes with the installation key, independent of formatting', () => {
    const key = Buffer.alloc(32, 7);
    const other = Buffer.alloc(32, 8);
    expect(hashDocumentNumber(key, '1234567-l')).toBe(hashDocumentNumber(key, '01234567L'));
    expect(hashDocumentNumber(key, '01234567L')).not.toBe(hashDocumentNumber(other, '01234567L'));
    expect(hashDocumentNumber(key, '01234567L')).toMatch(/^[0-9a-f]{64}$/);
  });
});
