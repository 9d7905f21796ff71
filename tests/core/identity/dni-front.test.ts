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

  it('repairs a control letter read as a digit only when one look-alike fits, and flags it', () => {
    const r = parseDniFront(
      'DNI 410594077\nDEL OLMO\nRUIZ\nANA BELÉN\nF ESP\n15 12 1992 PYN077977\n26 05 2028',
    );
    expect(r.document.document_number).toBe('41059407Z');
    expect(r.uncertain).toContain('document_number');
    // The all-digit number must not be mistaken for the support number.
    expect(r.document.support_number).toBe('PYN077977');
  });

  it('reads glyphs the text model doubles or mistakes, flagging the number it repaired', () => {
    const lines = (dni: string, support: string): string =>
      ['MUÑOZ', 'ÁLVAREZ', 'LUCÍA', dni, 'F ESP', '22 06 1958', '17 08 2028', support].join('\n');
    // S read as 8; J read as "jJ".
    const s8 = parseDniFront(lines('DNI 342917738', 'DYjJ423177'));
    expect(s8.document.document_number).toBe('34291773S');
    expect(s8.document.support_number).toBe('DYJ423177');
    expect(s8.uncertain).toContain('document_number');
    // A digit read twice: the one deletion the letter confirms.
    const doubled = parseDniFront(lines('DNI 883561385T', 'LUQ860701'));
    expect(doubled.document.document_number).toBe('88561385T');
    expect(doubled.uncertain).toContain('document_number');
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
