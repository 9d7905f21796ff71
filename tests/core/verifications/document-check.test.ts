import { describe, expect, it } from 'vitest';
import {
  checkedDocumentNumber,
  disagreementsOf,
} from '../../../src/core/verifications/document-check';
import { ocrDocument } from '../../helpers/ocr-document';

const check = (
  document_type: 'DNI' | 'NIE' | 'PASSPORT' | 'OTHER',
  number: string,
  personal?: string,
) =>
  checkedDocumentNumber(
    ocrDocument({ document_type, document_number: number, personal_number: personal ?? null }),
  );

describe('a document number the desk will believe', () => {
  it.each([
    ['DNI', '74252101M', '74252101M'],
    ['DNI', ' 74.252.101-m ', '74252101M'],
    ['NIE', 'Y1045406R', 'Y1045406R'],
    ['PASSPORT', 'CC76X4092', 'CC76X4092'],
  ] as const)('takes a %s %j as %s', (type, number, normal) => {
    expect(check(type, number)).toBe(normal);
  });

  it.each([
    ['DNI', '74252101A', 'document_number_bad_letter'],
    ['NIE', 'X0000000A', 'document_number_bad_letter'],
    ['DNI', '00000000T', 'document_number_malformed'],
    ['NIE', 'X0000000T', 'document_number_malformed'],
    ['DNI', 'Y1045406R', 'document_number_malformed'],
    ['PASSPORT', 'AB<12', 'document_number_malformed'],
    ['DNI', '   ', 'document_number_required'],
  ] as const)('refuses a %s %j (%s)', (type, number, code) => {
    expect(() => check(type, number)).toThrow(code);
  });

  it("refuses a passport whose holder's DNI fails its letter", () => {
    expect(() => check('PASSPORT', 'PAA123456', '74252101A')).toThrow('document_number_bad_letter');
    expect(check('PASSPORT', 'PAA123456', '74252101M')).toBe('PAA123456');
  });
});

describe('where a document disagrees with a resident', () => {
  it('reads the matcher’s reasons', () => {
    const of = (reasons: string[]) =>
      disagreementsOf({ residentId: 'R', score: 0.5, verdict: 'review', reasons });
    expect(of(['document_number_match', 'name_match_exact', 'birth_date_match'])).toEqual([]);
    expect(of(['document_number_mismatch', 'given_name_mismatch', 'birth_date_mismatch'])).toEqual([
      'number_mismatch',
      'name_mismatch',
      'birth_date_mismatch',
    ]);
    expect(of(['registered_with_other_document', 'surname_similar'])).toEqual(['number_mismatch']);
    expect(disagreementsOf(undefined)).toEqual(['not_matched']);
  });
});
