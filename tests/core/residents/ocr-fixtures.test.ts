import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OcrDocument } from '../../../src/shared/contract/ocr';
import { testCore } from '../../helpers/test-core';
import { importFixture, REGISTER_DIR } from './fixtures';
import { ocrDocument } from '../../helpers/ocr-document';

// Ground truth of the OCR fixture generator (tests/fixtures/cards), written by build-documents.ts.
const fixture = JSON.parse(readFileSync(resolve(REGISTER_DIR, 'ocr-documents.json'), 'utf8')) as {
  documents: Array<{ fixture: string; document: unknown }>;
};
const documents = fixture.documents.map((d) => ({
  fixture: d.fixture,
  document: OcrDocument.parse(d.document),
}));

const blank = ocrDocument();
/** People who are not on the register; some share a birth date or surnames with residents. */
const strangers: OcrDocument[] = [
  {
    ...blank,
    document_type: 'DNI',
    document_number: '11111111H',
    surnames: 'DIAZ IBANEZ',
    surname1: 'DIAZ',
    surname2: 'IBANEZ',
    given_names: 'PEDRO',
    birth_date: '1952-05-03',
    nationality: 'ESP',
  },
  {
    ...blank,
    document_type: 'DNI',
    document_number: '33333333P',
    surnames: 'GARCIA LOPEZ',
    given_names: 'ANA',
    birth_date: '1990-04-13',
    nationality: 'ESP',
  },
  {
    ...blank,
    document_type: 'NIE',
    document_number: 'X0000001R',
    surnames: 'ROSSI',
    given_names: 'MARCO',
    birth_date: '2005-06-09',
    nationality: 'ITA',
  },
  {
    ...blank,
    document_type: 'PASSPORT',
    document_number: 'CC11X0000',
    surnames: 'SCHMIDT',
    given_names: 'FELIX',
    birth_date: '1978-01-05',
    nationality: 'D',
  },
  {
    ...blank,
    document_type: 'PASSPORT',
    document_number: 'AAA000111',
    personal_number: '12345678Z',
    surnames: 'MARTINEZ NUNEZ',
    given_names: 'JUAN CARLOS',
    birth_date: '1983-09-27',
    nationality: 'ESP',
  },
];

describe('OCR fixture documents against the fixture register', () => {
  it('covers every kind of card the generator makes', () => {
    expect(new Set(documents.map((d) => d.fixture.split('-')[0]))).toEqual(
      new Set(['dni_back', 'tie_back', 'passport', 'dni_front']),
    );
  });

  it.each(['padron-utf8.csv', 'padron-1252.csv'])(
    'puts the true resident first as strong for every generated person (%s)',
    (file) => {
      const t = testCore();
      importFixture(t, file);
      for (const { fixture: name, document } of documents) {
        const [first, ...rest] = t.core.services.residents.match(document);
        expect({ name, first: first?.verdict }).toEqual({ name, first: 'strong' });
        expect(rest.filter((c) => c.verdict === 'strong')).toEqual([]);
        expect(first?.reasons).toContain(
          document.personal_number && document.document_type === 'PASSPORT'
            ? 'passport_personal_number_match'
            : 'document_number_match',
        );
        expect(first?.resident.birth_date).toBe(document.birth_date);
      }
    },
  );

  it('gives no strong candidate for people who are not residents', () => {
    const t = testCore();
    importFixture(t);
    for (const document of strangers) {
      const strong = t.core.services.residents
        .match(document)
        .filter((c) => c.verdict === 'strong');
      expect({ who: document.document_number, strong }).toEqual({
        who: document.document_number,
        strong: [],
      });
    }
  });
});
