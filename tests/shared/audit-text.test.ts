import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditDetailsText,
  auditRoleLabel,
  auditSubjectText,
} from '../../src/shared/audit-text';
import { auditActions } from '../../src/shared/contract/audit-actions';
import { languages } from '../../src/shared/i18n';

const madrid = { language: 'es', timeZone: 'Europe/Madrid' };

describe('audit entries in words', () => {
  it('names every action and writes a sentence for it in both languages, with no code or placeholder', () => {
    for (const lang of languages) {
      for (const action of auditActions) {
        const label = auditActionLabel(lang, action);
        expect(label, action).not.toBe(action);
        expect(label).not.toMatch(/[._]/);
        const text = auditDetailsText(lang, action, '{}', madrid);
        expect(text, action).not.toMatch(/\{\{|\}\}|auditText/);
        expect(text.length).toBeGreaterThan(5);
      }
    }
  });

  it('turns the details of the common actions into sentences', () => {
    expect(
      auditDetailsText(
        'es',
        'verification.lookup_matched',
        JSON.stringify({ candidates: ['R001', 'R009'], entry: 'read' }),
        madrid,
      ),
    ).toBe('Documento consultado en el padrón; candidatos: R001, R009.');
    expect(
      auditDetailsText(
        'es',
        'verification.created',
        JSON.stringify({
          residentId: 'R001',
          network: 'x',
          handle: '@juancarlos',
          proof: 'seen_on_device',
          documentMasked: '***5210**',
        }),
        madrid,
      ),
    ).toBe(
      'Cuenta @juancarlos en X verificada para el vecino R001 (prueba: vista en el dispositivo; documento ***5210**).',
    );
    expect(
      auditDetailsText(
        'en',
        'staff.role_changed',
        JSON.stringify({ from: 'clerk', to: 'manager' }),
        madrid,
      ),
    ).toBe('Role changed from "Counter clerk" to "Manager".');
    expect(
      auditDetailsText(
        'es',
        'settings.changed',
        JSON.stringify({ idleLockMinutes: { from: 5, to: 10 } }),
        madrid,
      ),
    ).toBe('Cambios: Minutos hasta el bloqueo: de 5 a 10.');
    expect(
      auditDetailsText(
        'es',
        'audit.exported',
        JSON.stringify({ format: 'csv', filters: { action: 'auth.sign_in', staff: 'ana' } }),
        madrid,
      ),
    ).toBe('Ha exportado el registro a CSV (acción Inicio de sesión; personal ana).');
    expect(
      auditDetailsText('es', 'verification.lookup_failed', '{"reason":"not_in_register"}', madrid),
    ).toBe('El documento consultado no dio resultado: no está en el padrón.');
  });

  it('translates roles and subjects', () => {
    expect(auditRoleLabel('es', 'manager')).toBe('Responsable');
    expect(auditRoleLabel('es', 'clerk')).toBe('Personal de ventanilla');
    expect(auditSubjectText('es', 'registry:M01-2026-000001')).toBe('Asiento M01-2026-000001');
    expect(auditSubjectText('en', 'resident:R001')).toBe('Resident R001');
    expect(auditSubjectText('es', null)).toBe('');
  });
});
