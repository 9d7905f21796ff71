import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { translateError } from '../../../src/shared/i18n';
import { explainReadFailure } from '../../../src/core/verifications/read-failure';

const today = new Date('2026-03-02T09:00:00Z');
const failed = (lines: string[]) =>
  explainReadFailure(new AppError('mrz_check_failed', { lines: lines.join('\n') }), today);

describe('a card whose machine-readable lines fail a check digit', () => {
  it('says the birth date check failed, and keeps what was read for typing by hand', () => {
    const e = failed([
      'IDESPBAA000589599999999R<<<<<<',
      '8001015F2501017ESP<<<<<<<<<<<7',
      'ESPANOLA<ESPANOLA<<CARMEN<<<<<',
    ]);
    expect(e).toMatchObject({
      code: 'mrz_check_failed_birth_date',
      params: {
        document_type: 'DNI',
        document_number: '99999999R',
        surnames: 'ESPANOLA ESPANOLA',
        given_names: 'CARMEN',
        birth_date: '1980-01-01',
        expiry_date: '2025-01-01',
        nationality: 'ESP',
      },
    });
    expect(translateError('es', e as AppError)).toBe(
      'El dígito de control de la fecha de nacimiento no cuadra: revise la fecha de nacimiento.',
    );
    expect(translateError('en', e as AppError)).toContain('date of birth');
  });

  it('names the expiry date when that is the check that fails', () => {
    const e = failed([
      'IDESPBAA000589599999999R<<<<<<',
      '8001014F2501018ESP<<<<<<<<<<<7',
      'ESPANOLA<ESPANOLA<<CARMEN<<<<<',
    ]);
    expect(e).toMatchObject({ code: 'mrz_check_failed_expiry_date' });
  });

  it('leaves other errors as they are', () => {
    const other = new AppError('no_document');
    expect(explainReadFailure(other, today)).toBe(other);
  });
});
