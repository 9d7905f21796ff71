import { beforeAll, describe, expect, it } from 'vitest';
import type { MatchQuery, MatchReason, Verdict } from '../../../src/shared/contract/residents';
import { type TestCore, testCore } from '../../helpers/test-core';
import { importFixture } from './fixtures';

interface Case {
  readonly name: string;
  readonly q: MatchQuery;
  /** The resident expected first, or null when nobody may come first as strong. */
  readonly top: string | null;
  readonly verdict?: Verdict;
  readonly reasons?: readonly MatchReason[];
  /** Residents that must also be listed (twins, namesakes). */
  readonly alsoListed?: readonly string[];
}

const D = (
  document_number: string,
  surnames: string,
  given_names: string | null,
  birth_date: string,
): MatchQuery => ({
  document_number,
  surnames,
  given_names,
  birth_date,
});
const T = (surnames: string, given_names: string, birth_date?: string): MatchQuery => ({
  surnames,
  given_names,
  ...(birth_date ? { birth_date } : {}),
});

const cases: Case[] = [
  // Accents and letters outside the MRZ alphabet
  {
    name: 'MRZ name without accents',
    q: D('74252101M', 'DIAZ IBANEZ', 'JUAN CARLOS', '1952-05-03'),
    top: 'R001',
    verdict: 'strong',
    reasons: ['document_number_match', 'name_match_accent_insensitive', 'birth_date_match'],
  },
  {
    name: 'front of the card with accents',
    q: {
      ...D('89099918B', 'FERNÁNDEZ GÓMEZ', 'SOFÍA', '1964-02-03'),
      surname1: 'FERNÁNDEZ',
      surname2: 'GÓMEZ',
    },
    top: 'R012',
    verdict: 'strong',
    reasons: ['name_match_exact'],
  },
  {
    name: 'Ñ read as N',
    q: D('94220656Y', 'MORENO GARCIA', 'INAKI', '1958-09-18'),
    top: 'R011',
    verdict: 'strong',
  },
  {
    name: 'lower case typed with accents',
    q: D('94220656y', 'moreno garcía', 'iñaki', '1958-09-18'),
    top: 'R011',
    verdict: 'strong',
  },
  {
    name: 'apostrophe dropped by the MRZ',
    q: D('Y4567890N', 'DANGELO MARTIN', 'CHIARA', '1993-03-13'),
    top: 'R027',
    verdict: 'strong',
  },
  {
    name: 'apostrophe kept when typed',
    q: D('Y4567890N', "D'Angelo Martín", 'Chiara', '1993-03-13'),
    top: 'R027',
    verdict: 'strong',
  },
  // Document number normalisation
  {
    name: 'spaces and dashes in the number',
    q: D('8909 9918-b', 'FERNANDEZ GOMEZ', 'SOFIA', '1964-02-03'),
    top: 'R012',
    verdict: 'strong',
  },
  {
    name: 'missing leading zero',
    q: D('5956398L', 'PEREZ DIAZ', 'LUCIA', '1941-12-28'),
    top: 'R003',
    verdict: 'strong',
  },
  {
    name: 'NIE with separators',
    q: D('x-7725127-w', 'WEBER', 'JONAS', '2006-11-24'),
    top: 'R005',
    verdict: 'strong',
  },
  // Particles
  {
    name: 'particles as the MRZ prints them',
    q: D('75996735C', 'DE LA FUENTE ALVAREZ', 'SOFIA', '2000-06-17'),
    top: 'R002',
    verdict: 'strong',
  },
  {
    name: 'particles left out by the clerk',
    q: D('75996735C', 'Fuente Álvarez', 'Sofía', '2000-06-17'),
    top: 'R002',
    verdict: 'strong',
  },
  {
    name: 'DE LAS with accents',
    q: D('35209236P', 'DE LAS HERAS PÉREZ', 'INÉS', '2006-11-23'),
    top: 'R010',
    verdict: 'strong',
    reasons: ['name_match_exact'],
  },
  {
    name: 'particle Y inside a surname',
    q: D('27999111S', 'ORTEGA Y GASSET MORENO', 'JOSE', '1955-05-09'),
    top: 'R022',
    verdict: 'strong',
  },
  {
    name: 'particle in a foreign given name',
    q: D('Z3456789D', 'NGUYEN', 'VAN THANH', '1991-09-19'),
    top: 'R026',
    verdict: 'strong',
  },
  // M.ª and abbreviations
  {
    name: 'M.ª in the register, MARIA on the card',
    q: D('30555666M', 'ROMERO DE LA TORRE', 'MARIA JOSE', '1970-03-03'),
    top: 'R017',
    verdict: 'strong',
  },
  {
    name: 'Mª typed, no number',
    q: T('Romero de la Torre', 'Mª José', '1970-03-03'),
    top: 'R017',
    verdict: 'review',
    reasons: ['birth_date_match'],
  },
  {
    name: 'M. initial for María',
    q: D('30555666M', 'ROMERO DE LA TORRE', 'M. JOSE', '1970-03-03'),
    top: 'R017',
    verdict: 'strong',
    reasons: ['given_name_abbreviated'],
  },
  {
    name: 'compound given name used in part',
    q: D('30123123T', 'IBANEZ DEL OLMO', 'JOSE', '1972-12-12'),
    top: 'R028',
    verdict: 'strong',
    reasons: ['given_name_partial'],
  },
  // Hyphens and compound surnames
  {
    name: 'hyphenated surname read as words',
    q: D('31777888F', 'GARCIA PELAYO SOLER', 'ALVARO', '1982-10-10'),
    top: 'R018',
    verdict: 'strong',
  },
  {
    name: 'hyphen kept when typed',
    q: D('31777888F', 'García-Pelayo Soler', 'Álvaro', '1982-10-10'),
    top: 'R018',
    verdict: 'strong',
  },
  {
    name: 'compound surname without its second surname',
    q: D('31777888F', 'GARCIA-PELAYO', 'ALVARO', '1982-10-10'),
    top: 'R018',
    verdict: 'review',
    reasons: ['second_surname_missing'],
  },
  // Swapped and missing surnames
  {
    name: 'surnames swapped, number matches',
    q: D('74252101M', 'IBANEZ DIAZ', 'JUAN CARLOS', '1952-05-03'),
    top: 'R001',
    verdict: 'review',
    reasons: ['surnames_swapped', 'document_number_match'],
  },
  {
    name: 'surnames swapped, typed without number',
    q: T('Ibáñez Díaz', 'Juan Carlos', '1952-05-03'),
    top: 'R001',
    verdict: 'review',
    reasons: ['surnames_swapped'],
  },
  {
    name: 'second surname missing',
    q: D('74252101M', 'DIAZ', 'JUAN CARLOS', '1952-05-03'),
    top: 'R001',
    verdict: 'review',
    reasons: ['second_surname_missing'],
  },
  {
    name: 'foreigner with one surname',
    q: D('Y1045406R', 'LEFEVRE', 'JULIEN', '1999-12-28'),
    top: 'R004',
    verdict: 'strong',
  },
  // MRZ truncation
  {
    name: 'TD1 line cut inside the surnames',
    q: D('27888222D', 'DE LOS RIOS FERNANDEZ DE CORDO', null, '1948-12-01'),
    top: 'R023',
    verdict: 'strong',
    reasons: ['mrz_truncated_name'],
  },
  {
    name: 'TD3 line cut inside the given names',
    q: D('27888222D', 'DE LOS RIOS FERNANDEZ DE CORDOBA', 'MARIA', '1948-12-01'),
    top: 'R023',
    verdict: 'strong',
    reasons: ['mrz_truncated_name'],
  },
  // Twins and namesakes
  {
    name: 'twin found by number',
    q: D('48123456G', 'GARCIA LOPEZ', 'ANA', '1990-04-12'),
    top: 'R013',
    verdict: 'strong',
    reasons: ['document_number_decides'],
    alsoListed: ['R014'],
  },
  {
    name: 'other twin found by number',
    q: D('48123457M', 'GARCIA LOPEZ', 'LUCIA', '1990-04-12'),
    top: 'R014',
    verdict: 'strong',
    alsoListed: ['R013'],
  },
  {
    name: 'twin typed without number',
    q: T('García López', 'Ana', '1990-04-12'),
    top: 'R013',
    verdict: 'review',
    alsoListed: ['R014'],
  },
  {
    name: 'namesake decided by number',
    q: D('28111222R', 'SANCHEZ RUIZ', 'JOSE', '1960-01-15'),
    top: 'R015',
    verdict: 'strong',
    reasons: ['document_number_decides'],
    alsoListed: ['R016'],
  },
  {
    name: 'namesake typed, ranked by birth date',
    q: T('Sánchez Ruiz', 'José', '1975-07-30'),
    top: 'R016',
    verdict: 'review',
    reasons: ['same_name_other_resident'],
    alsoListed: ['R015'],
  },
  // Other documents
  {
    name: 'document renewed from NIE to DNI',
    q: { ...D('55555555K', 'BENNANI', 'YOUSSEF', '1988-08-08'), document_type: 'DNI' },
    top: 'R019',
    verdict: 'review',
    reasons: ['registered_with_other_document', 'birth_date_match'],
  },
  {
    name: 'Spanish passport carries the DNI',
    q: {
      ...D('RZN055366', 'MARTINEZ NUNEZ', 'JUAN CARLOS', '1983-09-26'),
      document_type: 'PASSPORT',
      personal_number: '02660977S',
      nationality: 'ESP',
    },
    top: 'R007',
    verdict: 'strong',
    reasons: ['passport_personal_number_match'],
  },
  {
    name: 'foreigner registered by NIE shows a passport',
    q: {
      ...D('533401789', 'SMITH', 'OLIVER', '1979-02-02'),
      document_type: 'PASSPORT',
      nationality: 'GBR',
    },
    top: 'R020',
    verdict: 'review',
    reasons: ['registered_with_other_document', 'nationality_match'],
  },
  {
    name: 'foreigner registered by passport',
    q: {
      ...D('CC76X4092', 'MULLER', 'LENA', '1978-01-05'),
      document_type: 'PASSPORT',
      nationality: 'D',
    },
    top: 'R008',
    verdict: 'strong',
  },
  // Spanish phonetics for typed names
  {
    name: 'B/V, LL/Y, silent H, G/J',
    q: T('Ballejo Ernández', 'Jerardo', '1966-06-06'),
    top: 'R024',
    verdict: 'review',
    reasons: ['surname_phonetic_match', 'given_name_phonetic_match'],
  },
  {
    name: 'seseo: C/Z/S',
    q: T('Casares Sambrano', 'Selia', '1977-07-07'),
    top: 'R025',
    verdict: 'review',
    reasons: ['surname_phonetic_match'],
  },
  {
    name: 'QU/K and G/J before I',
    q: T('Kesada Giménez', 'Guillermo', '1969-11-30'),
    top: 'R029',
    verdict: 'review',
  },
  {
    name: 'LL/Y and B/V',
    q: T('Yorente Brabo', 'Yolanda', '1984-01-21'),
    top: 'R030',
    verdict: 'review',
  },
  {
    name: 'phonetic name with a wrong birth date stays weak',
    q: T('Ballejo Ernández', 'Jerardo', '1966-06-07'),
    top: 'R024',
    verdict: 'weak',
  },
  // When something does not fit
  {
    name: 'number matches but the surname differs',
    q: D('89099918B', 'LOPEZ MARTIN', 'SOFIA', '1964-02-03'),
    top: 'R012',
    verdict: 'review',
    reasons: ['document_number_match', 'surname_mismatch'],
  },
  {
    name: 'number matches but the birth date differs',
    q: D('94220656Y', 'MORENO GARCIA', 'INAKI', '1958-09-19'),
    top: 'R011',
    verdict: 'review',
    reasons: ['birth_date_mismatch'],
  },
  {
    name: 'minor without a document, typed',
    q: T('Pena Castano', 'Nuria', '2019-05-05'),
    top: 'R021',
    verdict: 'review',
  },
  {
    name: 'stranger born on a resident’s birthday',
    q: D('11111111H', 'KOWALSKI', 'ANNA', '1990-04-12'),
    top: null,
  },
  {
    name: 'stranger with a common surname',
    q: D('22222222J', 'GARCIA LOPEZ', 'ANA', '1991-04-12'),
    top: null,
  },
];

describe('matching Spanish names against the fixture register', () => {
  let t: TestCore;
  // One register for all cases: matching only reads it.
  beforeAll(() => {
    t = testCore();
    importFixture(t, 'padron-1252.csv');
  });

  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('$name', ({ q, top, verdict, reasons, alsoListed }) => {
    const candidates = t.core.services.residents.match(q);
    if (top === null) {
      expect(candidates.filter((c) => c.verdict === 'strong')).toEqual([]);
      return;
    }
    const first = candidates[0];
    expect(first?.resident_id).toBe(top);
    if (verdict) expect(first?.verdict).toBe(verdict);
    for (const r of reasons ?? []) expect(first?.reasons).toContain(r);
    for (const other of alsoListed ?? []) {
      const listed = candidates.find((c) => c.resident_id === other);
      expect(listed).toBeDefined();
      expect(listed?.verdict).not.toBe('strong');
    }
    expect(candidates.filter((c) => c.verdict === 'strong').length).toBeLessThanOrEqual(1);
    expect(first?.score).toBeGreaterThanOrEqual(candidates[1]?.score ?? 0);
  });
});
