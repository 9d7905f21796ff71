import { describe, expect, it } from 'vitest';
import { parseDniFront } from '../../../src/core/identity/dni-front';

describe('DNI front parsing', () => {
  it('reads values by their shape and keeps accents and Ñ', () => {
    // OCR text as the LSTM model returns it: the small labels mangled or missing.
    const text = [
      'ESPAÑA',
      'JIZCMENTOI NAS CHA. DE IDENTIDAD',
      'AFELLIDOS',
      'PEÑA',
      'DE LA FUENTE',
      'NOYERE',
      'MARÍA JOSÉ',
      'DNI 14701580A',
      'SEXO RACIONA, DAD',
      'F ESP',
      'FICA DE ATI IRTO',
      '19 04 1986',
      'VA.ID: 7',
      '24 04 2031',
      'LFM288437',
    ].join('\n');
    const r = parseDniFront(text);
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      document_type: 'DNI',
      document_number: '14701580A',
      surname1: 'PEÑA',
      surname2: 'DE LA FUENTE',
      surnames: 'PEÑA DE LA FUENTE',
      given_names: 'MARÍA JOSÉ',
      sex: 'F',
      nationality: 'ESP',
      birth_date: '1986-04-19',
      expiry_date: '2031-04-24',
      support_number: 'LFM288437',
    });
    // Names carry no check digit: the clerk confirms them.
    expect(r.uncertain).toContain('given_names');
  });

  it('repairs glyphs the text model misreads in the support number', () => {
    const r = parseDniFront(
      'DNI 05380183T\nDE LOS RÍOS\nORTEGA Y GASSET\nJESÚS\nM ESP\n09 06 1956 X)Q157171\n28 09 2028',
    );
    expect(r.document.support_number).toBe('XJQ157171');
    expect(r.document.surname2).toBe('ORTEGA Y GASSET');
  });

  // The number's letter confirms the one repair that fits; the clerk confirms the number.
  it.each([
    ['the control letter read as a digit (Z as 7)', 'DNI 410594077', 'PYN077977', '41059407Z'],
    ['the control letter read as a digit (S as 8)', 'DNI 342917738', 'DYjJ423177', '34291773S'],
    ['a digit read twice', 'DNI 883561385T', 'LUQ860701', '88561385T'],
  ])('repairs %s and flags the number', (_, dni, support, number) => {
    const r = parseDniFront(
      ['MUÑOZ', 'ÁLVAREZ', 'LUCÍA', dni, 'F ESP', '22 06 1958', '17 08 2028', support].join('\n'),
    );
    expect(r.document.document_number).toBe(number);
    expect(r.uncertain).toContain('document_number');
    // The all-digit number is never taken for the support number; J read as "jJ" is one J.
    expect(r.document.support_number).toBe(support.replace('jJ', 'J'));
  });

  it('does not recognise a receipt even when it carries a valid tax number', () => {
    const r = parseDniFront(
      'SUPERMERCADOS LA PLAZA\nCIF 12345678Z\nPAN 1,20\nTOTAL 17,50\n28/11/2026',
    );
    expect(r.recognised).toBe(false);
  });

  it('rejects a DNI number whose letter is wrong', () => {
    const r = parseDniFront('DNI 14701580B\nPEÑA\nBRIONES\nÁNGEL\nM ESP');
    expect(r.document.document_number).toBeNull();
    expect(r.recognised).toBe(false);
  });
});
