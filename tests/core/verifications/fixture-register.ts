import type { OcrDocument } from '../../../src/shared/contract/ocr';
import { maskDocumentNumber, normalizeDocumentNumber } from '../../../src/shared/document-number';
import type {
  RegisterResident,
  ResidentsPort,
} from '../../../src/core/verifications/residents-port';

export interface FixtureResident {
  readonly id: string;
  readonly fullName: string;
  readonly number: string;
  readonly birthDate: string;
  readonly deregistered?: boolean;
}

/** A small stand-in register with exact-number matching, for the desk's own rules. */
export const fixtureRegister = (people: readonly FixtureResident[]): ResidentsPort => {
  const view = (p: FixtureResident): RegisterResident => ({
    id: p.id,
    fullName: p.fullName,
    documentMasked: maskDocumentNumber(p.number),
    birthDate: p.birthDate,
    deregistered: p.deregistered ?? false,
  });
  return {
    getById: (id) => {
      const p = people.find((x) => x.id === id);
      return p ? view(p) : undefined;
    },
    match: (document: OcrDocument) => {
      const n = normalizeDocumentNumber(document.document_number ?? '');
      return people
        .filter((p) => normalizeDocumentNumber(p.number) === n)
        .map((p) => ({
          residentId: p.id,
          score: 0.98,
          verdict: 'strong' as const,
          reasons: ['document_number_match'],
        }));
    },
  };
};

export const ANA: FixtureResident = {
  id: 'R-1',
  fullName: 'ANA GARCÍA LÓPEZ',
  number: '12345678Z',
  birthDate: '1980-04-02',
};
export const LUIS: FixtureResident = {
  id: 'R-2',
  fullName: 'LUIS PÉREZ MARTÍN',
  number: '87654321X',
  birthDate: '1975-11-30',
};
export const ROSA: FixtureResident = {
  id: 'R-3',
  fullName: 'ROSA PEÑA RUIZ',
  number: 'X1234567L',
  birthDate: '1990-01-15',
  deregistered: true,
};

export const documentOf = (p: FixtureResident, expiry = '2031-05-01'): OcrDocument => ({
  document_type: p.number.startsWith('X') ? 'NIE' : 'DNI',
  document_number: p.number,
  surname1: null,
  surname2: null,
  surnames: null,
  given_names: null,
  birth_date: p.birthDate,
  sex: null,
  nationality: 'ESP',
  expiry_date: expiry,
  issuing_state: 'ESP',
  support_number: null,
  personal_number: null,
});
