import { describe, expect, it } from 'vitest';
import { mrzCheckDigit } from '../../../src/core/identity/check-digits';
import { dniLetter, isValidDni, isValidNie } from '../../../src/shared/document-number';

describe('ICAO 9303 check digits', () => {
  it('computes the 7-3-1 check of the ICAO specimen fields', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(mrzCheckDigit('D23145890')).toBe(7);
  });

  it('computes the checks of the Spanish DNI specimen', () => {
    expect(mrzCheckDigit('BAA000589')).toBe(5);
    expect(mrzCheckDigit('800101')).toBe(4);
    expect(mrzCheckDigit('250101')).toBe(7);
  });

  it('rejects characters outside the MRZ set', () => {
    expect(mrzCheckDigit('ab12')).toBeNull();
  });
});

describe('DNI and NIE letters', () => {
  it('checks the DNI letter (mod 23)', () => {
    expect(dniLetter(12345678)).toBe('Z');
    expect(isValidDni('12345678Z')).toBe(true);
    expect(isValidDni('99999999R')).toBe(true);
    expect(isValidDni('12345678A')).toBe(false);
    expect(isValidDni('1234567Z')).toBe(false);
  });

  it('checks the NIE letter with X=0, Y=1, Z=2', () => {
    expect(isValidNie('X1234567L')).toBe(true);
    expect(isValidNie('Y1234567X')).toBe(true);
    expect(isValidNie('Z1234567R')).toBe(true);
    expect(isValidNie('X1234567Z')).toBe(false);
    expect(isValidNie('A1234567L')).toBe(false);
  });
});
