import { describe, expect, it } from 'vitest';
import { mrzCheckDigit } from '../../../src/core/identity/check-digits';
import { readMrzText, repairState } from '../../../src/core/identity/mrz-read';

const cd = (s: string): string => String(mrzCheckDigit(s));

const today = new Date('2024-06-01T00:00:00Z');
const read = (lines: string[]) => readMrzText(lines.join('\n'), today);

const SPANISH = [
  'IDESPBAA000589599999999R<<<<<<',
  '8001014F2501017ESP<<<<<<<<<<<7',
  'ESPANOLA<ESPANOLA<<CARMEN<<<<<',
];

describe('MRZ parsing', () => {
  it('reads the Spanish DNI specimen: support number in the number field, DNI in the optional data', () => {
    const r = read(SPANISH);
    expect(r?.valid).toBe(true);
    expect(r?.format).toBe('TD1');
    expect(r?.checks).toEqual({
      document_number: true,
      birth_date: true,
      expiry_date: true,
      composite: true,
      dni_letter: true,
    });
    expect(r?.document).toEqual({
      document_type: 'DNI',
      document_number: '99999999R',
      surname1: 'ESPANOLA',
      surname2: 'ESPANOLA',
      surnames: 'ESPANOLA ESPANOLA',
      given_names: 'CARMEN',
      birth_date: '1980-01-01',
      sex: 'F',
      nationality: 'ESP',
      expiry_date: '2025-01-01',
      issuing_state: 'ESP',
      support_number: 'BAA000589',
      personal_number: '99999999R',
    });
  });

  it('passes every check of the ICAO TD1, TD2 and TD3 specimens (UTO, the specimen state ICAO reserves, counts as a state)', () => {
    const td1 = read([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
    const td2 = read([
      'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<',
      'D231458907UTO7408122F1204159<<<<<<<6',
    ]);
    const td3 = read([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
    for (const [r, format] of [
      [td1, 'TD1'],
      [td2, 'TD2'],
      [td3, 'TD3'],
    ] as const) {
      expect(r?.format).toBe(format);
      expect(Object.values(r?.checks ?? {}).every(Boolean)).toBe(true);
      expect(r?.document.given_names).toBe('ANNA MARIA');
      expect(r?.problems).toEqual([]);
      expect(r?.valid).toBe(true);
    }
    // Any other code outside ISO 3166 and ICAO's list still fails.
    const made = read([
      'P<QZXERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36QZX7408122F1204159ZE184226B<<<<<10',
    ]);
    expect(made?.problems).toEqual(['issuing_state', 'nationality']);
    expect(made?.valid).toBe(false);
    expect(td3?.document.document_number).toBe('L898902C3');
    expect(td3?.document.personal_number).toBe('ZE184226B');
  });

  it('reads a document number longer than 9 characters, continued in the optional data', () => {
    const lines = [
      'IDBEL728713386<5118<<<<<<<<<<<',
      '0704249F2203182BEL<<<<<<<<<<<4',
      'DUPONT<<AMELIE<<<<<<<<<<<<<<<<',
    ];
    const r = read(lines);
    expect(r?.valid).toBe(true);
    expect(r?.document.document_number).toBe('728713386511');
    // The check digit closing the continuation covers all twelve characters.
    const broken = read([lines[0]?.replace('5118', '5128') ?? '', lines[1] ?? '', lines[2] ?? '']);
    expect(broken?.checks.document_number).toBe(false);
  });

  it('rejects a broken check digit', () => {
    const r = read([SPANISH[0] ?? '', '8001015F2501017ESP<<<<<<<<<<<7', SPANISH[2] ?? '']);
    expect(r?.checks.birth_date).toBe(false);
    expect(r?.valid).toBe(false);
  });

  it('rejects a DNI whose printed letter is wrong even though every check digit agrees with it', () => {
    // 99999999A with a composite computed over that wrong letter: no check can repair it.
    const l1 = 'IDESPBAA000589599999999A<<<<<<';
    const l2 = '8001014F2501017ESP<<<<<<<<<<<';
    const composite = cd(`${l1.slice(5)}${l2.slice(0, 7)}${l2.slice(8, 15)}${l2.slice(18, 29)}`);
    const r = read([l1, `${l2}${composite}`, SPANISH[2] ?? '']);
    expect(r?.checks.composite).toBe(true);
    expect(r?.checks.dni_letter).toBe(false);
    expect(r?.valid).toBe(false);
  });

  it('returns the DNI held in a Spanish passport as personal_number', () => {
    const core = `AAA123456${cd('AAA123456')}ESP8001014F2501017`;
    const personal = '99999999R<<<<<';
    const tail = `${personal}${cd(personal)}`;
    const composite = cd(`${core.slice(0, 10)}${core.slice(13, 20)}${core.slice(21)}${tail}`);
    const r = read(['P<ESPGARCIA<LOPEZ<<ANA<<<<<<<<<<<<<<<<<<<<<<', `${core}${tail}${composite}`]);
    expect(r?.valid).toBe(true);
    expect(r?.checks.personal_number).toBe(true);
    expect(r?.document.personal_number).toBe('99999999R');
    expect(r?.document.document_type).toBe('PASSPORT');
  });

  it('reads a TIE: E + 8 digits support number and the NIE in the optional data', () => {
    const l1 = `IRESPE12345678${cd('E12345678')}X1234567L<<<<<<`;
    const l2 = '8001014M2501017MAR<<<<<<<<<<<';
    const composite = cd(`${l1.slice(5)}${l2.slice(0, 7)}${l2.slice(8, 15)}${l2.slice(18, 29)}`);
    const r = read([l1, `${l2}${composite}`, 'BENNANI<<YOUSSEF<<<<<<<<<<<<<<']);
    expect(r?.valid).toBe(true);
    expect(r?.checks.nie_letter).toBe(true);
    expect(r?.document.document_type).toBe('NIE');
    expect(r?.document.document_number).toBe('X1234567L');
    expect(r?.document.support_number).toBe('E12345678');
  });
});

describe('choosing the Spanish format the reading fits', () => {
  // E99844397: no digit of "E99" has a letter look-alike, so every check also passes under
  // the DNI mask (3 letters + 6 digits); the NIE in the optional data settles it.
  const l1 = `IRESPE99844397${cd('E99844397')}Y1033449G<<<<<<`;
  const l2core = '8707017F2701057FRA<<<<<<<<<<<';
  const l2 = `${l2core}${cd(`${l1.slice(5)}${l2core.slice(0, 7)}${l2core.slice(8, 15)}${l2core.slice(18, 29)}`)}`;
  const l3 = 'LEFEVRE<<CLAIRE<<<<<<<<<<<<<<<';

  it('reads a TIE whose support number also passes the DNI checks as a TIE', () => {
    const r = read([l1, l2, l3]);
    expect(r?.valid).toBe(true);
    expect(r?.document.document_type).toBe('NIE');
    expect(r?.document.document_number).toBe('Y1033449G');
    expect(r?.document.support_number).toBe('E99844397');
  });

  it('drops specks read as glyphs before a line that came out too long', () => {
    const r = read([`JT${l1}`, `V${l2}`, l3]);
    expect(r?.valid).toBe(true);
    expect(r?.document.document_number).toBe('Y1033449G');
    expect(r?.document.birth_date).toBe('1987-07-01');
  });

  it('refuses a card whose document code is not I, A or C (a shifted line)', () => {
    const r = read([`X${l1.slice(1)}`, l2, l3]);
    expect(r?.valid).toBe(false);
    expect(r?.problems).toContain('document_code');
  });
});

describe('correction guided by the checks', () => {
  it('forces letters and digits where the Spanish format requires them', () => {
    const r = read([
      'IDE5PBAAO00S89599999999R<<<<<<',
      '80O1014F25O1017E5P<<<<<<<<<<<7',
      'ESPANOLA<ESPANOLA<<CARMEN<<<<<',
    ]);
    expect(r?.valid).toBe(true);
    expect(r?.document.support_number).toBe('BAA000589');
    expect(r?.document.birth_date).toBe('1980-01-01');
  });

  it('replaces a misread DNI letter only when every check then passes, and flags it', () => {
    // W read as H: the letter is fixed by the digits and confirmed by the composite.
    const l2 = '9912289F3005121ESP<<<<<<<<<<<3';
    const r = read(['IDESPMEE993705747410454H<<<<<<', l2, 'LOPEZ<JIMENEZ<<ANA<BELEN<<<<<<']);
    expect(r?.valid).toBe(true);
    expect(r?.document.document_number).toBe('47410454W');
    expect(r?.swappedFields).toEqual(
      expect.arrayContaining(['document_number', 'personal_number']),
    );
    // A misread digit as well: the computed letter cannot satisfy the composite.
    const bad = read(['IDESPMEE993705747410451H<<<<<<', l2, 'LOPEZ<JIMENEZ<<ANA<BELEN<<<<<<']);
    expect(bad?.valid).toBe(false);
  });

  it('turns K runs at the end of a name back into fillers', () => {
    const r = read([SPANISH[0] ?? '', SPANISH[1] ?? '', 'ESPANOLA<ESPANOLA<<CARMENKKKKK']);
    expect(r?.document.given_names).toBe('CARMEN');
  });

  it('repairs one confusion in a foreign alphanumeric number with a unique swap', () => {
    const r = read([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L8989O2C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
    expect(r?.document.document_number).toBe('L898902C3');
    expect(r?.swaps).toBe(1);
    expect(Object.values(r?.checks ?? {}).every(Boolean)).toBe(true);
  });

  it('marks a swapped value: a wrong swap can pass both the field and the composite check', () => {
    // Three confusions in L898902C3; one swap (S->5) happens to satisfy both checks with a
    // wrong number. That is why a swapped foreign number always goes to the clerk.
    const r = read([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'LBSB9O2C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
    expect(r?.document.document_number).not.toBe('L898902C3');
    expect(r?.swappedFields).toContain('document_number');
  });

  it('leaves a field failing when more than two swaps would be needed', () => {
    const r = read([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L8989O2C36UTO7408122F1204159ZE184226B<<<<<10'.replace('L8989O2C3', 'ISBBO0ZC3'),
    ]);
    expect(r?.checks.document_number).toBe(false);
  });

  it('fits a line that came out one character too long or too short', () => {
    const r = read([
      'IDESPBAA000589599999999R<<<<<<<',
      '8001014F2501017ESP<<<<<<<<<<7',
      SPANISH[2] ?? '',
    ]);
    expect(r?.valid).toBe(true);
  });
});

describe('state codes (no check digit)', () => {
  it('keeps a valid ISO 3166 code and repairs a unique one-letter confusion, flagged', () => {
    expect(repairState('ESP')).toEqual({ code: 'ESP', guessed: false });
    expect(repairState('O<<')).toEqual({ code: 'D<<', guessed: true });
    expect(repairState('XXQ')).toEqual({ code: 'XXQ', guessed: false });
  });
});
