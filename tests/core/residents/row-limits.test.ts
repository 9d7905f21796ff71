import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS, isRejection, toRecord } from '../../../src/core/residents/rows';
import { canonicalColumns } from '../../../src/shared/contract/residents';
import { translateError } from '../../../src/shared/i18n';
import { testCore } from '../../helpers/test-core';
import { csv, HEADER, importFixture } from './fixtures';

const MEGABYTE = 1024 * 1024;
const ctx = { hmacKey: Buffer.alloc(32, 7), today: '2026-03-02', spanishSexLetters: false };
const VALID = {
  resident_id: 'L1',
  document_type: 'DNI',
  document_number: '12345678Z',
  given_names: 'Ana',
  surname1: 'Gil',
  surname2: 'Soler',
  birth_date: '1980-01-01',
  sex: 'F',
  nationality: 'ESP',
  address: 'C/ Mayor, 1',
  district: '01',
};

describe('register rows: length limits and control characters', () => {
  it('rejects a 1 MB given name with its line and a translated reason, and imports the rest', () => {
    const t = testCore();
    const report = importFixture(
      t,
      csv([
        HEADER,
        'B1,DNI,12345678Z,Ana,Gil,,1980-01-01,F,ESP,,',
        `B2,DNI,,${'A'.repeat(MEGABYTE)},Gil,,1980-01-01,F,ESP,,`,
        'B3,DNI,,Eva,Gil,,1981-01-01,F,ESP,,',
      ]),
    );
    expect(report).toMatchObject({ imported: 2, rejected: 1 });
    expect(report.errors).toEqual([
      {
        line: 3,
        code: 'row_field_too_long',
        params: { field: 'given_names', max: 100 },
        message: 'El campo given_names tiene más de 100 caracteres.',
      },
    ]);
    expect(
      translateError('en', { code: 'row_field_too_long', params: { field: 'address', max: 200 } }),
    ).toBe('The field address is longer than 200 characters.');
  });

  it('has a limit for every column, names at 100 and the address at 200', () => {
    expect(Object.keys(FIELD_LIMITS).sort()).toEqual([...canonicalColumns].sort());
    expect(FIELD_LIMITS).toMatchObject({
      given_names: 100,
      surname1: 100,
      surname2: 100,
      address: 200,
    });
    expect(isRejection(toRecord(VALID, ctx))).toBe(false);
    for (const column of canonicalColumns) {
      const max = FIELD_LIMITS[column];
      // Central's register import reads its rows through this same function.
      expect(toRecord({ ...VALID, [column]: 'x'.repeat(max + 1) }, ctx)).toEqual({
        code: 'row_field_too_long',
        params: { field: column, max },
      });
    }
    expect(isRejection(toRecord({ ...VALID, address: 'x'.repeat(200) }, ctx))).toBe(false);
  });

  it('rejects NUL bytes in ids and names, with the line', () => {
    const t = testCore();
    const report = importFixture(
      t,
      csv([
        HEADER,
        'C\u00001,DNI,,Ana,Gil,,1980-01-01,F,ESP,,',
        'C2,DNI,,An\u0000a,Gil,,1980-01-01,F,ESP,,',
        'C3,DNI,,Eva,Gil\u0000,,1981-01-01,F,ESP,,',
        'C4,DNI,,Eva,Gil,,1982-01-01,F,ESP,,',
      ]),
    );
    expect(report).toMatchObject({ imported: 1, rejected: 3 });
    expect(report.errors.map((e) => [e.line, e.code, e.params])).toEqual([
      [2, 'row_control_character', { field: 'resident_id' }],
      [3, 'row_control_character', { field: 'given_names' }],
      [4, 'row_control_character', { field: 'surname1' }],
    ]);
    expect(report.errors[0]?.message).not.toContain('\u0000');
    expect(report.errors[0]?.message).not.toContain('{{');
  });
});

describe('register encodings: a UTF-8 BOM before a Windows-1252 body', () => {
  it('strips the BOM before deciding the encoding, so the header is read', () => {
    const t = testCore();
    const body = iconv.encode(
      [
        'NUM_INSCRIPCION;NOMBRE;PRIMER APELLIDO;SEGUNDO APELLIDO;FECHA NACIMIENTO;SEXO',
        'D1;Begoña;Muñoz;Ibáñez;03/05/1952;M',
        'D2;José;Peña;;04/06/1960;H',
        '',
      ].join('\r\n'),
      'win1252',
    );
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    // Really Windows-1252: not valid UTF-8 once the BOM is gone.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))).toThrow();
    const report = importFixture(t, bytes);
    expect(report).toMatchObject({ imported: 2, rejected: 0, encoding: 'windows-1252' });
    expect(report.columns).toMatchObject({ NUM_INSCRIPCION: 'resident_id' });
    expect(t.core.services.residents.search('Muñoz')[0]).toMatchObject({
      resident_id: 'D1',
      given_names: 'Begoña',
      surname2: 'Ibáñez',
    });
  });
});
