import { describe, expect, it } from 'vitest';
import { parseDniFront } from '../../../src/core/identity/dni-front';
import { frontGaps, mergeFronts } from '../../../src/core/identity/front-merge';

// One DNI 4.0 front as the text model reads it at two sizes: each loses a different faint line.
const HEAD = [
  'ESPAÑA',
  'DOCUMENTO NACIONAL DE IDENTIDAD',
  'APELLIDOS / SURNAME',
  'PEÑA',
  'GARCÍA-MORENO',
  'NOMBRE / NAME',
  'BEGOÑA',
  'SEXO / SEX NACIONALIDAD / NATIONALITY',
  'F ESP',
];
const smallRead = [
  ...HEAD,
  'FECHA DE NACIMIENTO / DATE OF BIRTH',
  '20 10 1951',
  'EMISIÓN / ISSUE VALIDEZ / EXPIRY',
  'DNI 28233937B 12 06 2020 12 06 2030',
  'AS CEQUIZA',
].join('\n');
const largeRead = [
  ...HEAD,
  'FECHA DE NACM ENTO ; DATE OF BIRTH',
  'EMISIÓN / ISSUE VALIDEZ / EXPIRY',
  'DNI 28233937B 12 06 2020 12 06 2030',
  'NUM SOPORTE / SUPPORT No',
  'CEQ722227',
].join('\n');

describe('combining two readings of one front', () => {
  it('takes each field from the reading that stands by it', () => {
    const small = parseDniFront(smallRead);
    const large = parseDniFront(largeRead);
    // Each reading alone leaves one field open.
    expect(small.document.support_number).toBeNull();
    expect(large.uncertain).toContain('birth_date');
    const r = mergeFronts(small, large);
    expect(r.document).toMatchObject({
      document_number: '28233937B',
      birth_date: '1951-10-20',
      expiry_date: '2030-06-12',
      support_number: 'CEQ722227',
    });
    expect(frontGaps(r)).toBe(0);
    expect(r.uncertain).not.toContain('support_number');
    expect(r.uncertain).not.toContain('birth_date');
  });

  it('takes a first surname the leading reading lost from the other one', () => {
    const dni3 = (surname1: string[]): string =>
      [
        'ESPAÑA DNI 06528865Q',
        'DOCUMENTO NACIONAL DE IDENTIDAD',
        'PRIMER APELLIDO',
        ...surname1,
        'SEGUNDO APELLIDO',
        'NÚÑEZ',
        'NOMBRE',
        'JUAN JOSÉ',
        'SEXO NACIONALIDAD FECHA DE NACIMIENTO',
        'M ESP 20 03 1950',
        'IDESP VALIDEZ',
        'BHB735788 23 02 2029',
      ].join('\n');
    const lead = parseDniFront(dni3([]));
    expect(lead.document.surname1).toBeNull();
    const r = mergeFronts(lead, parseDniFront(dni3(['MARTÍNEZ'])));
    expect(r.document).toMatchObject({ surname1: 'MARTÍNEZ', surnames: 'MARTÍNEZ NÚÑEZ' });
    expect(r.uncertain).toContain('surname1');
  });

  it('flags a field the two readings each stand by but read differently', () => {
    const a = parseDniFront(largeRead);
    const b = parseDniFront(largeRead.replace('CEQ722227', 'CEQ722221'));
    const r = mergeFronts(a, b);
    expect(r.uncertain).toContain('support_number');
  });

  it('never combines readings of two different numbers', () => {
    const other = smallRead.replace('28233937B', '50744122G').replace('20 10 1951', '');
    const r = mergeFronts(parseDniFront(largeRead), parseDniFront(other));
    expect(r.document.document_number).toBe('28233937B');
    expect(r.uncertain).toContain('birth_date');
  });
});
