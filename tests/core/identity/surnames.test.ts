import { describe, expect, it } from 'vitest';
import { splitSurnames } from '../../../src/core/identity/surnames';

describe('Spanish surname particles', () => {
  it.each([
    ['DEL<OLMO<GARCIA', 'DEL OLMO', 'GARCIA'],
    ['GARCIA<DEL<OLMO', 'GARCIA', 'DEL OLMO'],
    ['DE<LA<FUENTE<RUIZ', 'DE LA FUENTE', 'RUIZ'],
    ['DE<LOS<RIOS<PENA', 'DE LOS RIOS', 'PENA'],
    ['PEREZ<DE<LAS<HERAS', 'PEREZ', 'DE LAS HERAS'],
    ['ORTEGA<Y<GASSET<DIAZ', 'ORTEGA Y GASSET', 'DIAZ'],
    ['DIAZ<ORTEGA<Y<GASSET', 'DIAZ', 'ORTEGA Y GASSET'],
    ['ERIKSSON', 'ERIKSSON', null],
    ['DE<LA<CRUZ', 'DE LA CRUZ', null],
  ])('%s -> %s + %s', (joined, s1, s2) => {
    const r = splitSurnames(joined);
    expect(r.surname1).toBe(s1);
    expect(r.surname2).toBe(s2);
    expect(r.surnames).toBe(joined.replace(/</g, ' '));
  });

  it('returns nulls for an empty field', () => {
    expect(splitSurnames('')).toEqual({ surname1: null, surname2: null, surnames: null });
  });
});
