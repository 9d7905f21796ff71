import { describe, expect, it } from 'vitest';
import { maskPersonalData, personalDataIn, ReasonText } from '../../src/shared/free-text';

describe('personal data in staff-typed reasons', () => {
  it('finds document numbers, phone numbers and emails, and nothing in plain words', () => {
    expect(personalDataIn('la vecina lo pidió en persona')).toEqual([]);
    expect(personalDataIn('expediente 2026/123 del 12 de marzo')).toEqual([]);
    expect(personalDataIn('DNI 12345678Z')).toEqual(['document']);
    expect(personalDataIn('NIE x-1234567-l')).toEqual(['document']);
    expect(personalDataIn('llamó desde el 612 34 56 78')).toEqual(['phone']);
    expect(personalDataIn('+34 912345678')).toEqual(['phone']);
    expect(personalDataIn('escribió a ana.g@example.org')).toEqual(['email']);
    expect(personalDataIn('12.345.678-Z, 699112233, a@b.es')).toEqual([
      'email',
      'document',
      'phone',
    ]);
  });

  it('masks them the way the desk masks numbers, leaving the rest of the text', () => {
    expect(maskPersonalData('DNI 12345678Z perdido')).toBe('DNI ***4567** perdido');
    expect(maskPersonalData('NIE X1234567L')).toBe('NIE ****4567*');
    expect(maskPersonalData('tel. 612 34 56 78.')).toBe('tel. *** ** ** 78.');
    expect(maskPersonalData('0034 612345678')).toBe('**** *******78');
    expect(maskPersonalData('mail ana.g@example.org ok')).toBe('mail a***@example.org ok');
    expect(maskPersonalData('nada que ocultar')).toBe('nada que ocultar');
    // What is masked is found no more: masking twice changes nothing.
    const once = maskPersonalData('12345678Z 612345678 ana@example.org');
    expect(personalDataIn(once)).toEqual([]);
    expect(maskPersonalData(once)).toBe(once);
  });

  it('is applied by the reason schema every reason-taking operation declares', () => {
    expect(ReasonText.parse('  cuenta de 12345678Z  ')).toBe('cuenta de ***4567**');
    expect(ReasonText.safeParse('ab').success).toBe(false);
  });
});
