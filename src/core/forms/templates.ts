import type { Database } from 'better-sqlite3-multiple-ciphers';
import avisoPoliciaLocal from '../../../resources/forms/aviso-policia-local.json';
import certificadoEmpadronamiento from '../../../resources/forms/certificado-empadronamiento.json';
import citaMedica from '../../../resources/forms/cita-medica.json';
import incidenciaViaPublica from '../../../resources/forms/incidencia-via-publica.json';
import instanciaGeneral from '../../../resources/forms/instancia-general.json';
import { FormTemplate } from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';

// Imported, not read from disk: the templates ship inside the bundle like the migrations.
const shipped: readonly unknown[] = [
  instanciaGeneral,
  incidenciaViaPublica,
  citaMedica,
  avisoPoliciaLocal,
  certificadoEmpadronamiento,
];

/** Parsed once at load: a broken shipped template is a build error, not a counter problem. */
export const bundledTemplates: readonly FormTemplate[] = shipped.map((t) => FormTemplate.parse(t));

const receivedVersions = (db: Database): FormTemplate[] =>
  (db.prepare('SELECT body FROM form_templates').all() as { body: string }[]).flatMap((r) => {
    const parsed = FormTemplate.safeParse(JSON.parse(r.body));
    return parsed.success ? [parsed.data] : [];
  });

const allVersions = (db: Database): FormTemplate[] => [
  ...bundledTemplates,
  ...receivedVersions(db),
];

/** The newest version of each template: what the counter files with today. */
export const currentTemplates = (db: Database): FormTemplate[] => {
  const latest = new Map<string, FormTemplate>();
  for (const t of allVersions(db)) {
    const seen = latest.get(t.id);
    if (!seen || t.version > seen.version) latest.set(t.id, t);
  }
  const order = bundledTemplates.map((t) => t.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...latest.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
};

export const currentTemplate = (db: Database, id: string): FormTemplate => {
  const found = currentTemplates(db).find((t) => t.id === id);
  if (!found) throw new AppError('forms_template_not_found', { id }, 404);
  return found;
};

/** A specific version, for showing an entry with the form it was filed on. */
export const templateVersion = (
  db: Database,
  id: string,
  version: number,
): FormTemplate | undefined => allVersions(db).find((t) => t.id === id && t.version === version);

/**
 * Stores a template version published by central (arrives by pull). Older or equal versions
 * are ignored, so replays are harmless; entries keep the version they were filed with.
 */
export const applyTemplateVersion = (
  deps: CoreDeps,
  actor: Actor,
  raw: unknown,
): 'applied' | 'ignored' => {
  const parsed = FormTemplate.safeParse(raw);
  if (!parsed.success) throw new AppError('forms_template_invalid', {}, 422);
  const template = parsed.data;
  return inTransaction(deps, () => {
    const known = allVersions(deps.db).filter((t) => t.id === template.id);
    if (known.some((t) => t.version >= template.version)) return 'ignored';
    deps.db
      .prepare('INSERT INTO form_templates (id, version, body, received_at) VALUES (?, ?, ?, ?)')
      .run(template.id, template.version, JSON.stringify(template), deps.clock.now().toISOString());
    audit(deps, {
      actor,
      action: 'forms.template_updated',
      subject: `template:${template.id}`,
      details: { version: template.version },
    });
    return 'applied';
  });
};
