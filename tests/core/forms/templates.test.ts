import { describe, expect, it } from 'vitest';
import { applyTemplateVersion, bundledTemplates } from '../../../src/core/forms';
import { dataSchemaFor, FormTemplate } from '../../../src/shared/contract/forms';
import { SYSTEM, testCore } from '../../helpers/test-core';
import { incidencia } from './forms-fixtures';

const samples: Record<string, Record<string, string | string[]>> = {
  'instancia-general': { subject: 'Vado', facts: 'Tengo cochera.', request: 'Licencia de vado.' },
  'incidencia-via-publica': {
    type: 'water',
    location: 'Plaza Mayor',
    description: 'Fuga en la fuente.',
  },
  'cita-medica': { days: ['mon', 'thu'], times: 'morning' },
  'aviso-policia-local': { subject: 'Coche abandonado', description: 'Lleva un mes sin moverse.' },
  'certificado-empadronamiento': { scope: 'individual', purpose: 'Ayuda al alquiler' },
};

describe('form templates', () => {
  it('ships the five templates, each valid, bilingual and accepting its sample data', () => {
    expect(bundledTemplates.map((t) => t.id)).toEqual(Object.keys(samples));
    for (const template of bundledTemplates) {
      const schema = dataSchemaFor(template);
      expect(schema.safeParse(samples[template.id]).success).toBe(true);
      // Leaving out every required field is caught field by field.
      const required = template.fields.filter((f) => f.required).map((f) => f.name);
      const issues = schema.safeParse({}).error?.issues.map((i) => i.path[0]) ?? [];
      expect(issues.sort()).toEqual([...required].sort());
      for (const f of template.fields)
        expect(f.label.en.length * f.label.es.length).toBeGreaterThan(0);
    }
  });

  it('keeps the 112 banner on the police notice and the privacy note on the appointment', () => {
    const police = bundledTemplates.find((t) => t.id === 'aviso-policia-local');
    expect(police?.banner).toMatchObject({
      tone: 'danger',
      text: { es: expect.stringContaining('112'), en: expect.stringContaining('112') },
    });
    const cita = bundledTemplates.find((t) => t.id === 'cita-medica');
    expect(cita?.fields.find((f) => f.name === 'reason')).toMatchObject({ required: false });
    expect(cita?.banner?.tone).toBe('info');
  });

  it('refuses a template whose summary field does not exist', () => {
    const broken = { ...bundledTemplates[0], summaryField: 'nothing' };
    expect(FormTemplate.safeParse(broken).success).toBe(false);
  });

  it('uses a newer version published by central for new entries; old entries keep theirs', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    const v1 = await t.call('formsFile', incidencia(), clerk);
    const current = bundledTemplates.find((x) => x.id === 'incidencia-via-publica');
    if (!current) throw new Error('missing');
    const v2 = {
      ...current,
      version: 2,
      fields: [
        ...current.fields,
        {
          name: 'urgent',
          kind: 'select',
          required: true,
          label: { es: '¿Hay peligro?', en: 'Is it dangerous?' },
          options: [
            { value: 'yes', label: { es: 'Sí', en: 'Yes' } },
            { value: 'no', label: { es: 'No', en: 'No' } },
          ],
        },
      ],
    };
    expect(applyTemplateVersion(t.core.deps, SYSTEM, v2)).toBe('applied');
    expect(applyTemplateVersion(t.core.deps, SYSTEM, v2)).toBe('ignored');
    expect(applyTemplateVersion(t.core.deps, SYSTEM, { ...v2, version: 1 })).toBe('ignored');
    expect(() =>
      applyTemplateVersion(t.core.deps, SYSTEM, { ...v2, version: 3, fields: [] }),
    ).toThrow('forms_template_invalid');

    const listed = await t.call('formsTemplates', {}, clerk);
    expect(listed.find((x) => x.id === 'incidencia-via-publica')?.version).toBe(2);
    await expect(t.call('formsFile', incidencia(), clerk)).rejects.toMatchObject({
      code: 'forms_invalid',
      params: { fields: 'urgent: option' },
    });
    const filed = await t.call(
      'formsFile',
      incidencia({ data: { ...incidencia().data, urgent: 'no' } }),
      clerk,
    );
    expect((await t.call('formsGet', { id: filed.entryId }, clerk)).templateVersion).toBe(2);
    expect((await t.call('formsGet', { id: v1.entryId }, clerk)).templateVersion).toBe(1);
  });

  it('lets only an admin configure addressees, logo and retention, and audits it', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    const clerk = await t.signInAs('clerk');
    await expect(
      t.call('formsConfigUpdate', { attachmentRetentionDays: 1 }, clerk),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const config = await t.call(
      'formsConfigUpdate',
      {
        addressees: [
          { id: 'alcaldia', name: 'Alcaldía' },
          { id: 'servicios-municipales', name: 'Obras' },
        ],
      },
      admin,
    );
    expect(config.addressees).toHaveLength(2);
    await expect(
      t.call(
        'formsConfigUpdate',
        { logoPngBase64: Buffer.from('GIF89a').toString('base64') },
        admin,
      ),
    ).rejects.toMatchObject({
      code: 'forms_logo_not_png',
    });
    await expect(
      t.call(
        'formsConfigUpdate',
        {
          addressees: [
            { id: 'a1', name: 'A' },
            { id: 'a1', name: 'B' },
          ],
        },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'forms_addressee_duplicate' });
    // The police template's default addressee is no longer configured: say so rather than guess.
    await expect(
      t.call(
        'formsFile',
        {
          ...incidencia(),
          templateId: 'aviso-policia-local',
          data: samples['aviso-policia-local'] ?? {},
        },
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'forms_addressee_unknown', params: { id: 'policia-local' } });
    expect(
      t.core.deps.db
        .prepare(`SELECT count(*) n FROM audit_log WHERE action = 'forms.config_changed'`)
        .get(),
    ).toEqual({ n: 1 });
  });
});
