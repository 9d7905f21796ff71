import { describe, expect, it } from 'vitest';
import { mergeFrontBack } from '../../../src/core/identity/front-back';
import { documentWarnings } from '../../../src/core/identity/warnings';
import type { OcrDocument, OcrResult } from '../../../src/shared/contract/ocr';

const today = new Date('2026-11-28T00:00:00Z');
const doc: OcrDocument = {
  document_type: 'DNI',
  document_number: '99999999R',
  surname1: 'ESPANOLA',
  surname2: 'ESPANOLA',
  surnames: 'ESPANOLA ESPANOLA',
  given_names: 'CARMEN',
  birth_date: '1980-01-01',
  sex: 'F',
  nationality: 'ESP',
  expiry_date: '2030-01-01',
  issuing_state: 'ESP',
  support_number: 'BAA000589',
  personal_number: '99999999R',
};
const back: OcrResult = {
  document: doc,
  source: 'mrz',
  mrz: { format: 'TD1', lines: [], checks: {}, valid: true },
  confidence: 0.9,
  uncertain: [],
  warnings: [],
};
const front = (over: Partial<OcrDocument>): OcrResult => ({
  document: {
    ...doc,
    surname1: 'ESPAÑOLA',
    surname2: 'ESPAÑOLA',
    surnames: 'ESPAÑOLA ESPAÑOLA',
    ...over,
  },
  source: 'front',
  mrz: null,
  confidence: 0.8,
  uncertain: ['surname1', 'surname2', 'surnames', 'given_names'],
  warnings: [],
});

describe('front and back cross-check', () => {
  it('takes accented names from the front and numbers from the MRZ', () => {
    const r = mergeFrontBack(front({}), back, today);
    expect(r.source).toBe('both');
    expect(r.document.surnames).toBe('ESPAÑOLA ESPAÑOLA');
    expect(r.document.document_number).toBe('99999999R');
    expect(r.uncertain).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('warns when front and back disagree', () => {
    const r = mergeFrontBack(
      front({ given_names: 'CARMELA', birth_date: '1980-01-02' }),
      back,
      today,
    );
    expect(r.warnings).toContain('front_back_mismatch');
    expect(r.uncertain).toContain('given_names');
  });
});

describe('every field shared with the MRZ is cross-checked', () => {
  const checked: OcrResult = {
    ...back,
    mrz: {
      format: 'TD1',
      lines: [],
      checks: { document_number: true, birth_date: true, expiry_date: true, dni_letter: true },
      valid: true,
    },
  };

  it('confirms what the front had flagged when the MRZ agrees', () => {
    const f = front({});
    const r = mergeFrontBack(
      { ...f, uncertain: [...f.uncertain, 'expiry_date', 'sex', 'support_number'] },
      checked,
      today,
    );
    expect(r.uncertain).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('flags a disagreeing date and keeps the value its check digit vouches for', () => {
    const r = mergeFrontBack(front({ birth_date: '1980-01-07' }), checked, today);
    expect(r.document.birth_date).toBe('1980-01-01');
    expect(r.uncertain).toContain('birth_date');
    expect(r.warnings).toContain('front_back_mismatch');
  });

  it.each([
    ['sex and nationality', { sex: 'M', nationality: 'AND' }],
    ['the issuing state', { issuing_state: 'PRT' }],
  ] as const)('flags %s, which no check digit covers, when the sides disagree', (_, over) => {
    const r = mergeFrontBack(front(over), checked, today);
    expect(r.uncertain).toEqual(expect.arrayContaining(Object.keys(over)));
    expect(r.warnings).toContain('front_back_mismatch');
  });

  it('takes the whole name from the front when the MRZ cut it short, without a mismatch', () => {
    const long = 'ESPAÑOLA ESPAÑOLA DE LAS HERAS';
    const r = mergeFrontBack(
      front({ surnames: long, surname2: 'ESPAÑOLA DE LAS HERAS' }),
      {
        ...checked,
        document: {
          ...doc,
          surnames: 'ESPANOLA ESPANOLA DE LAS HE',
          surname1: null,
          surname2: null,
        },
      },
      today,
    );
    expect(r.document.surnames).toBe(long);
    expect(r.uncertain).toContain('surnames');
    expect(r.warnings).not.toContain('front_back_mismatch');
  });
});

describe('document warnings', () => {
  it('flags an expired document and a holder under 14', () => {
    expect(documentWarnings({ ...doc, expiry_date: '2026-11-27' }, today)).toEqual(['expired']);
    expect(documentWarnings({ ...doc, birth_date: '2012-11-29' }, today)).toEqual(['under_14']);
    expect(documentWarnings({ ...doc, birth_date: '2012-11-28' }, today)).toEqual([]);
  });
});
