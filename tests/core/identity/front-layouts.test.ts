import { describe, expect, it } from 'vitest';
import { parseDniFront, type FrontLine } from '../../../src/core/identity/dni-front';
import { frontWarnings } from '../../../src/core/identity/warnings';

// Synthetic holders only (the ICAO/Interior specimen names and numbers).
const text = (...lines: string[]): string => lines.join('\n');

describe('DNI 4.0 front, bilingual labels', () => {
  const dni4 = text(
    'ES ESPAÑA',
    'D0CUMENTO NACIONAL DE IDENTIDAD',
    'APELLIDOS / SURNAWE',
    'ESPAÑOLA',
    'ESPAÑOLA',
    'NOMERE / NAME',
    'C CARMEN',
    'SEX0 / SEX NACIONALIDAD / NATI0NALITY',
    'F     ESP',
    'FECHA DE NACIMlENTO / DATE 0F BIRTH',
    '01 01 1980',
    'EMISIÓN / ISSUE VÁLIDO HASTA / EXPIRY',
    '02 08 2021 02 08 2031',
    'DNI 99999999R',
    'NÚM. SOPORTE / SUPPORT No.',
    'BAA000589',
    'CAN 123456',
  );

  it('reads every field by its label, the expiry (not the issue date) included', () => {
    const r = parseDniFront(dni4);
    expect(r.recognised).toBe(true);
    expect(r.document).toEqual({
      document_type: 'DNI',
      document_number: '99999999R',
      surname1: 'ESPAÑOLA',
      surname2: 'ESPAÑOLA',
      surnames: 'ESPAÑOLA ESPAÑOLA',
      // The stray `C` (photo or signature speck) is not part of the name.
      given_names: 'CARMEN',
      birth_date: '1980-01-01',
      sex: 'F',
      nationality: 'ESP',
      expiry_date: '2031-08-02',
      issuing_state: 'ESP',
      support_number: 'BAA000589',
      personal_number: '99999999R',
    });
    // Everything but the names is confirmed by a check or its label.
    expect(r.uncertain.sort()).toEqual(['given_names', 'surname1', 'surname2', 'surnames']);
    expect(frontWarnings(r.document, r.uncertain, new Date('2026-01-01'))).toEqual([]);
  });

  it('keeps issue and expiry apart when both labels come before both dates', () => {
    const r = parseDniFront(
      text(
        'APELLIDOS / SURNAME',
        'DEL OLMO',
        'GARCÍA',
        'NOMBRE / NAME',
        'LOURDES',
        'SEXO / SEX',
        'NACIONALIDAD / NATIONALITY',
        'FESP',
        'FECHA DE NACIMIENTO / DATE OF BIRTH',
        '12.03.1975',
        'EMlSION / ISSUE',
        'VALIDEZ / EXPlRY',
        '15 06 2020',
        '15 06 2030',
        'DNI 41059407Z',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      surname1: 'DEL OLMO',
      surname2: 'GARCÍA',
      given_names: 'LOURDES',
      sex: 'F',
      nationality: 'ESP',
      birth_date: '1975-03-12',
      expiry_date: '2030-06-15',
    });
    // Which date sat under which label is a guess here: the later one, flagged.
    expect(r.uncertain).toContain('expiry_date');
  });

  it('never gives a label whose value line was lost the date of the next row', () => {
    const r = parseDniFront(
      text(
        'APELLIDOS / SURNAME',
        'PEÑA',
        'GARCÍA-MORENO',
        'NOMBRE / NAME',
        'BEGOÑA',
        'N «— SEXO SEX NACIONALIDAD / NAT:G".5u 11 Y',
        'F ESP',
        'FECHA DE NACM ENTO ; DATE OF BIRTH',
        "E NIS'ON 7 ISSUE VAL:DEZ / EXPIRY",
        'DNI 28233937B 12 06 2020 12 06 2030',
      ),
    );
    expect(r.document).toMatchObject({
      birth_date: null,
      expiry_date: '2030-06-12',
      nationality: 'ESP',
    });
    expect(r.uncertain).toContain('birth_date');
  });

  it('reads the number printed level with the date row, its letter read as a digit', () => {
    const r = parseDniFront(
      text(
        'APELLIDOS / SURNAME',
        'DEL OLMO',
        'GARCÍA',
        'NOMBRE / NAME',
        'LOURDES',
        'SEXO / SEX NACIONALIDAD 7 NATIONALITY',
        'F ESP',
        'FECHA DE NACIMIENTO / DATE OF BIRTH',
        '12 03 1975',
        'E MISION 7 ISSUE VALIDO HASTA / EXPIRY',
        'DNI 41059407715 06 2021 15 06 2031',
      ),
    );
    expect(r.document).toMatchObject({
      document_number: '41059407Z',
      birth_date: '1975-03-12',
      expiry_date: '2031-06-15',
    });
    expect(r.uncertain).toContain('document_number');
    expect(r.uncertain).not.toContain('expiry_date');
  });

  // The card prints issue and expiry side by side; a photo's perspective can lose either label.
  it.each([
    ['issue', 'EMISIÓN / ISSUE VXLXDX HXSTX', '02 08 2031 02 08 2021'],
    ['expiry', 'VÁLIDO HASTA ! EXPIRY', '02 08 2021 02 08 2031'],
  ])(
    'takes the later date as expiry but flags it when only the %s label was read',
    (_, labels, dates) => {
      const r = parseDniFront(
        text(
          'APELLIDOS / SURNAME',
          'RUIZ',
          'PEÑA',
          'NOMBRE / NAME',
          'ANA',
          'SEXO / SEX NACIONALIDAD / NATIONALITY',
          'F ESP',
          'FECHA DE NACIMIENTO / DATE OF BIRTH',
          '01 01 1980',
          labels,
          `DNI 99999999R ${dates}`,
        ),
      );
      expect(r.document.expiry_date).toBe('2031-08-02');
      expect(r.uncertain).toContain('expiry_date');
      expect(frontWarnings(r.document, r.uncertain, new Date('2026-01-01'))).toContain(
        'read_back_side',
      );
    },
  );

  it('flags dates whose labels were all lost, and never takes the issue date for the expiry', () => {
    const r = parseDniFront(
      text(
        'APELLIDOS / SURNAME',
        'RUIZ',
        'PEÑA',
        'NOMBRE / NAME',
        'ANA',
        'SEXO / SEX NACIONALIDAD / NATIONALITY',
        'F ESP',
        '01 01 1980',
        '02 08 2021',
        '02 08 2031',
        'DNI 99999999R',
      ),
    );
    expect(r.document).toMatchObject({ birth_date: '1980-01-01', expiry_date: '2031-08-02' });
    expect(r.uncertain).toEqual(expect.arrayContaining(['birth_date', 'expiry_date']));
  });
});

describe('DNI 3.0 front', () => {
  it('reads first and second surname labels and a row of three labels', () => {
    const r = parseDniFront(
      text(
        'ESPAÑA',
        'DOCUMENTO NACIONAL DE IDENTIDAD',
        'DNI 99999999R',
        'PRIMER APELLIDO',
        'DE LOS RÍOS',
        'SEGUNDO APELLIDO',
        'ORTEGA Y GASSET',
        'NOMBRE',
        'JOSÉ MARÍA',
        'SEXO NACIONALIDAD FECHA DE NACIMIENTO',
        'M ESP 01 01 1980',
        'IDESP VÁLIDO HASTA',
        'BAA000589 01 01 2030',
        'CAN 123456',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      surname1: 'DE LOS RÍOS',
      surname2: 'ORTEGA Y GASSET',
      given_names: 'JOSÉ MARÍA',
      sex: 'M',
      nationality: 'ESP',
      birth_date: '1980-01-01',
      expiry_date: '2030-01-01',
      support_number: 'BAA000589',
    });
  });

  it('reads a label and its value on the same line', () => {
    const r = parseDniFront(
      text(
        'DNI: 99999999R',
        'APELLIDOS: ESPAÑOLA ESPAÑOLA',
        'NOMBRE: CARMEN',
        'SEXO: F  NACIONALIDAD: ESP',
        'FECHA DE NACIMIENTO 01 01 1980',
        'VALIDEZ 01 01 2030',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      surname1: 'ESPAÑOLA',
      surname2: 'ESPAÑOLA',
      given_names: 'CARMEN',
      sex: 'F',
      nationality: 'ESP',
      birth_date: '1980-01-01',
      expiry_date: '2030-01-01',
    });
  });

  it('takes no name from label-sized text beside a label, nor from mangled labels', () => {
    const lines: FrontLine[] = [
      { text: 'ESPAÑA', height: 30 },
      { text: 'APELLIDOS : SLANAVIE', height: 11 },
      { text: 'BLÁZQUEZ', height: 29 },
      { text: 'DE LOS SANTOS', height: 28 },
      { text: '._. NOMBRE y NAME', height: 12 },
      { text: 'ROCÍO', height: 28 },
      { text: 'SEXO / SEX NACIONALIDAD / NATIONALITY', height: 11 },
      { text: 'F ESP', height: 27 },
      { text: 'DNI 17475979G', height: 29 },
    ];
    const r = parseDniFront(lines);
    expect(r.document).toMatchObject({
      surname1: 'BLÁZQUEZ',
      surname2: 'DE LOS SANTOS',
      given_names: 'ROCÍO',
    });
  });

  it('matches a long label loosely even when blur swelled it to the height of values', () => {
    const lines: FrontLine[] = [
      { text: 'PROJES APELLIDO', height: 14 },
      { text: 'AGUERO', height: 32 },
      { text: 'SEGUIDO APELUDO', height: 23 },
      { text: '. e CASTANO', height: 27 },
      { text: 'NOMBRE', height: 14 },
      { text: 'TOMÁS', height: 33 },
      { text: 'VALIDO HASTA', height: 13 },
      { text: '05 08 2036', height: 26 },
    ];
    expect(parseDniFront(lines).document).toMatchObject({
      surname1: 'AGÜERO',
      surname2: 'CASTAÑO',
      given_names: 'TOMÁS',
    });
  });

  it('never takes a tall value line for a label it merely resembles', () => {
    const lines: FrontLine[] = [
      { text: 'APELLIDOS', height: 14 },
      { text: 'VALDEZ', height: 30 },
      { text: 'NOMBRE', height: 14 },
      { text: 'SOFÍA', height: 30 },
      { text: 'DNI 99999999R', height: 30 },
      { text: 'SEXO NACIONALIDAD', height: 14 },
      { text: 'F ESP', height: 28 },
    ];
    const r = parseDniFront(lines);
    expect(r.document.surname1).toBe('VALDEZ');
    expect(r.document.given_names).toBe('SOFÍA');
  });
});
