// Card fronts as the text model garbles them, the TIE, and text that is no card front.
import { describe, expect, it } from 'vitest';
import { parseDniFront } from '../../../src/core/identity/dni-front';

// Synthetic holders only (the ICAO/Interior specimen names and numbers).
const text = (...lines: string[]): string => lines.join('\n');

describe('noise around the values', () => {
  it.each([
    ['letters', 'ÁLVAREZ ÚN'],
    // A tilted card's edge beside the value.
    ['digits', 'ÁLVAREZ 24'],
  ])('drops %s read beside a name and finds the given name when its label was lost', (_, line) => {
    const r = parseDniFront(
      text(
        'ESPAÑA DNI 28233937B',
        'DOCUMENTO NACIONAL DE IDENTIDAD',
        'PRIMER ASELLIDO',
        line,
        'SEGUNDO APELLIC',
        '. e CALVO',
        '-— me',
        'N VA RAÚL',
        'SEXO NACIONALIDAD FECHA DE NACMUENTO',
        'M ESP 26 06 1952',
        'INE SP VAL’DEZ',
        'BQR166327 19 08 2034',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      // A DNI starting with 2 weighs the same as a Z NIE; without a TIE's labels it is a DNI.
      document_type: 'DNI',
      document_number: '28233937B',
      surname1: 'ÁLVAREZ',
      surname2: 'CALVO',
      given_names: 'RAÚL',
      sex: 'M',
      birth_date: '1952-06-26',
      expiry_date: '2034-08-19',
      support_number: 'BQR166327',
    });
  });
});

describe('what the text model drops or adds', () => {
  const card = (surnames: string, given: string, support: string): string =>
    text(
      'APELLIDOS / SURNAME',
      surnames,
      'NOMBRE / NAME',
      given,
      'SEXO / SEX NACIONALIDAD / NATIONALITY',
      'M ESP',
      'FECHA DE NACIMIENTO / DATE OF BIRTH',
      '20 10 1951',
      'EMISIÓN / ISSUE VALIDEZ / EXPIRY',
      '12 06 2022 12 06 2032',
      'DNI 99999999R',
      'NÚM. SOPORTE / SUPPORT No.',
      support,
    );

  it('gives a DNI holder’s bare common names their printed accents, names still flagged', () => {
    const r = parseDniFront(card('DIAZ', 'RUBEN', 'CLI665264'));
    expect(r.document).toMatchObject({ surname1: 'DÍAZ', given_names: 'RUBÉN' });
    expect(r.uncertain).toContain('surname1');
    // What the model did read with a mark is kept as read.
    expect(parseDniFront(card('DÍAZ', 'RUBÉN', 'CLI665264')).document.given_names).toBe('RUBÉN');
  });

  it('leaves a foreigner’s names as read: MARTIN and MARIA are spelled so abroad', () => {
    const r = parseDniFront(
      text(
        'NIE X1234567L',
        'APELLIDOS',
        'MARTIN',
        'NOMBRE',
        'MARIA',
        'NACIONALIDAD SEXO',
        'DEU F',
        'FECHA DE NACIMIENTO',
        '05 05 1990',
      ),
    );
    expect(r.document).toMatchObject({ surname1: 'MARTIN', given_names: 'MARIA' });
  });

  it.each([
    ['one letter read into', 'CLI6G65264'],
    ['digits read as look-alike letters in', 'CLIGES264'],
  ])('repairs %s the support number, and flags the repair', (_, read) => {
    const r = parseDniFront(card('DIAZ', 'RUBEN', read));
    expect(r.document.support_number).toBe('CLI665264');
    expect(r.uncertain).toContain('support_number');
  });
});

describe('TIE front', () => {
  it('reads the NIE and a foreign nationality; the permit type is not a name', () => {
    const r = parseDniFront(
      text(
        'PERMISO DE RESIDENCIA',
        'NIE K1234567L',
        'APELLIDOS',
        'DUBOIS',
        'NOMBRE',
        'CLAIRE',
        'NACIONALIDAD SEXO',
        'FRA F',
        'FECHA DE NACIMIENTO',
        '05 05 1990',
        'VÁLIDO HASTA',
        '05 05 2029',
        'TIPO DE PERMISO',
        'RESIDENCIA TEMPORAL',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      document_type: 'NIE',
      document_number: 'X1234567L',
      surname1: 'DUBOIS',
      surname2: null,
      given_names: 'CLAIRE',
      nationality: 'FRA',
      sex: 'F',
      birth_date: '1990-05-05',
      expiry_date: '2029-05-05',
    });
    // K read for X: the number was repaired, so the clerk confirms it.
    expect(r.uncertain).toContain('document_number');
  });

  it('reads a NIE certificate, a paper with no expiry, without taking its date for one', () => {
    const r = parseDniFront(
      text(
        'MINISTERIO DEL INTERIOR',
        'CERTIFICADO DE REGISTRO DE CIUDADANO DE LA UNIÓN',
        'Nombre: CLAIRE',
        'Apellidos: DUBOIS',
        'Nacionalidad: FRA',
        'Fecha de nacimiento: 05/05/1990 Sexo: F',
        'Domicilio: C. MAYOR 12, MADRID',
        'N.I.E.: Z-1234567-R',
        'Fecha: 12/03/2024',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      // A leading Z weighs as a 2: the certificate's title makes it a NIE, not a DNI.
      document_type: 'NIE',
      document_number: 'Z1234567R',
      surname1: 'DUBOIS',
      given_names: 'CLAIRE',
      nationality: 'FRA',
      sex: 'F',
      birth_date: '1990-05-05',
      // The certificate's own date is no expiry: a guessed one would warn it expired.
      expiry_date: null,
    });
    expect(r.uncertain).toContain('expiry_date');
  });
});

describe('text that is not a card front', () => {
  it('does not take the address block of a back for names', () => {
    const r = parseDniFront(
      text(
        'LUGAR DE NACIMIENTO / PLACE OF BIRTH',
        'MADRID',
        'HIJO/A DE / SON/DAUGHTER OF',
        'ANTONIO / ROSA',
        'DOMICILIO / ADDRESS',
        'C. MAYOR 12',
        'DEL OLMO GARCIA LOURDES',
        'EQUIPO / TEAM',
        '28000L5S1',
        'IDESPBAA000589 99999999R',
      ),
    );
    expect(r.recognised).toBe(false);
  });

  it('does not read a passport page as a card front', () => {
    const r = parseDniFront(
      text(
        'PASAPORTE / PASSPORT',
        'APELLIDOS / SURNAME',
        'ESPAÑOLA ESPAÑOLA',
        'NOMBRE / GIVEN NAMES',
        'CARMEN',
        'NACIONALIDAD / NATIONALITY',
        'ESPAÑOLA',
        'FECHA DE NACIMIENTO / DATE OF BIRTH',
        '01 01 1980',
        'DNI 99999999R',
      ),
    );
    expect(r.recognised).toBe(false);
  });

  it('recognises a front whose small labels thresholding erased, flagging what shape gave', () => {
    const r = parseDniFront(
      text(
        'ESPAÑA',
        'DNI 88561385T',
        'MORENO',
        'GARCÍA',
        'JESÚS',
        'M ESP',
        '19 06 1947 LUQ860701',
        '20 02 2032',
      ),
    );
    expect(r.recognised).toBe(true);
    expect(r.document).toMatchObject({
      surname1: 'MORENO',
      given_names: 'JESÚS',
      sex: 'M',
      birth_date: '1947-06-19',
      expiry_date: '2032-02-20',
    });
    expect(r.uncertain).toEqual(
      expect.arrayContaining(['birth_date', 'expiry_date', 'sex', 'nationality', 'support_number']),
    );
  });
});
