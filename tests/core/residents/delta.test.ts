import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/core/app/deps';
import type { RegisterDelta } from '../../../src/core/residents/residents-service';
import { testCore } from '../../helpers/test-core';
import { importFixture } from './fixtures';

const delta = (version: number, over: Partial<RegisterDelta> = {}): RegisterDelta => ({
  resident_id: 'C100',
  version,
  status: 'active',
  fields: {
    document_number: '12345678Z',
    given_names: 'Rocío',
    surname1: 'Herrera',
    surname2: 'Vázquez',
    birth_date: '1990-02-03',
  },
  ...over,
});

describe('applyRegisterDelta (central updates, issue 5)', () => {
  it('inserts, ignores replays and older versions, updates newer ones, in the caller transaction', () => {
    const t = testCore();
    importFixture(t);
    const residents = t.core.services.residents;
    const apply = (d: RegisterDelta) =>
      inTransaction(t.core.deps, () => residents.applyRegisterDelta(d));
    expect(() => residents.applyRegisterDelta(delta(1))).toThrow(/caller transaction/);
    expect(apply(delta(3))).toBe('inserted');
    expect(apply(delta(3))).toBe('stale');
    expect(apply(delta(2, { fields: { ...delta(2).fields, surname1: 'Old' } }))).toBe('stale');
    expect(residents.getByResidentId('C100')).toMatchObject({
      surname1: 'Herrera',
      version: 3,
      document_masked: '***4567**',
    });
    expect(
      residents.match({
        document_number: '12345678Z',
        surnames: 'HERRERA VAZQUEZ',
        given_names: 'ROCIO',
        birth_date: '1990-02-03',
      })[0],
    ).toMatchObject({ resident_id: 'C100', verdict: 'strong' });

    expect(apply(delta(4, { status: 'deregistered', deregistered_on: '2026-02-01' }))).toBe(
      'updated',
    );
    expect(residents.getByResidentId('C100')).toMatchObject({
      status: 'deregistered',
      deregistered_on: '2026-02-01',
      version: 4,
    });
    // A bad row from central is refused with the import's own reasons, and nothing changes.
    expect(() =>
      apply(delta(5, { fields: { ...delta(5).fields, document_number: '12345678A' } })),
    ).toThrow(expect.objectContaining({ code: 'row_bad_document_letter' }));
    expect(residents.getByResidentId('C100')?.version).toBe(4);
    // A rollback of the caller's transaction undoes the delta too.
    expect(() =>
      inTransaction(t.core.deps, () => {
        residents.applyRegisterDelta(delta(9, { resident_id: 'C200' }));
        throw new Error('caller failed');
      }),
    ).toThrow('caller failed');
    expect(residents.getByResidentId('C200')).toBeUndefined();
  });
});
