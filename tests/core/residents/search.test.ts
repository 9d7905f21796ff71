import { describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../helpers/test-core';
import { csv, fixtureBytes, importFixture } from './fixtures';

/** The fixture register plus residents with compound given names and a near-namesake. */
const withRegister = (): TestCore => {
  const t = testCore();
  const lines = fixtureBytes('padron-utf8.csv').toString('utf8').trim().split('\r\n');
  lines.push(
    'R040,DNI,12345678Z,José Antonio,García,López,1971-04-04,M,ESP,"C/ Mayor, 40",01',
    'R041,,,María Teresa,Núñez,Peña,1980-08-08,F,ESP,"C/ Mayor, 41",01',
    'R042,,,Josefa,Jiménez,Ramos,1944-02-02,F,ESP,"C/ Mayor, 42",01',
    'R043,,,Antonio José,López,García,1968-03-03,M,ESP,"C/ Mayor, 43",01',
  );
  importFixture(t, csv(lines));
  return t;
};

const ids = (t: TestCore, query: string, limit?: number) =>
  t.core.services.residents.search(query, limit).map((r) => r.resident_id);

describe('residents search', () => {
  it('finds a compound given name with both surnames, in any case, with or without accents', () => {
    const t = withRegister();
    for (const q of [
      'José Antonio García López',
      'jose antonio garcia lopez',
      'JOSÉ ANTONIO GARCÍA LÓPEZ',
      'García López, José Antonio',
    ]) {
      expect(ids(t, q)[0], q).toBe('R040');
    }
    // Same four words, other roles: a partial match, ranked after the whole name.
    expect(ids(t, 'José Antonio García López')).toEqual(['R040', 'R043']);
  });

  it('finds given names alone, whole words before words that only start the same', () => {
    const t = withRegister();
    expect(ids(t, 'María Teresa')).toEqual(['R041']);
    const jose = ids(t, 'Jose');
    // Every José (R017 is "M.ª José"), then Josefa.
    expect(jose.slice(0, -1).sort()).toEqual([
      'R015',
      'R016',
      'R017',
      'R022',
      'R028',
      'R040',
      'R043',
    ]);
    expect(jose.at(-1)).toBe('R042');
  });

  it('finds by inscription id and by document number first', () => {
    const t = withRegister();
    expect(ids(t, 'R040')).toEqual(['R040']);
    expect(ids(t, 'r015')[0]).toBe('R015');
    expect(ids(t, '12345678-z')).toEqual(['R040']);
    expect(ids(t, '74252101M')).toEqual(['R001']);
  });

  it('ranks a whole-name match before residents who share only some of its words', () => {
    const t = withRegister();
    const found = ids(t, 'José Sánchez Ruiz');
    expect(found.slice(0, 2).sort()).toEqual(['R015', 'R016']);
    expect(ids(t, 'Sánchez Ruiz').slice(0, 2).sort()).toEqual(['R015', 'R016']);
    // A particle may be typed or not.
    expect(ids(t, 'Sofía de la Fuente Álvarez')[0]).toBe('R002');
    expect(ids(t, 'Sofía Fuente Álvarez')[0]).toBe('R002');
  });

  it('finds parts of names as they are typed, and a surname that only sounds alike', () => {
    const t = withRegister();
    expect(ids(t, 'Fuen')).toContain('R002');
    expect(ids(t, 'ju carl díaz').sort()).toEqual(['R001', 'R009']);
    expect(ids(t, 'Ibanez')).toEqual(expect.arrayContaining(['R001', 'R028']));
    expect(ids(t, 'Yorente')).toEqual(['R030']);
    expect(ids(t, 'Zzyzx')).toEqual([]);
  });

  it('keeps the limit and still finds a birth date', () => {
    const t = withRegister();
    expect(ids(t, 'Jose', 3)).toHaveLength(3);
    expect(ids(t, '04/04/1971')).toEqual(['R040']);
  });
});
