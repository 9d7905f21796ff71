import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type Addressee, FormsConfig } from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { settingsSection } from '../settings/store';

/** A small town's usual departments; the admin edits the list in the app. */
export const defaultAddressees: readonly Addressee[] = [
  { id: 'alcaldia', name: 'Alcaldía' },
  { id: 'secretaria', name: 'Secretaría' },
  { id: 'policia-local', name: 'Policía Local' },
  { id: 'servicios-sociales', name: 'Servicios Sociales' },
  { id: 'urbanismo', name: 'Urbanismo' },
  { id: 'servicios-municipales', name: 'Servicios Municipales (obras y mantenimiento)' },
  { id: 'consultorio-medico', name: 'Consultorio médico' },
];

export const defaultFormsConfig: FormsConfig = {
  addressees: [...defaultAddressees],
  logoPngBase64: null,
  attachmentRetentionDays: 30,
};

const section = settingsSection('forms_config', FormsConfig, defaultFormsConfig);

export const readFormsConfig = (db: Database): FormsConfig => section.read(db);

const isPng = (base64: string): boolean =>
  Buffer.from(base64.slice(0, 12), 'base64')
    .subarray(0, 8)
    .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

export const updateFormsConfig = (
  deps: CoreDeps,
  actor: Actor,
  patch: Partial<FormsConfig>,
): FormsConfig =>
  inTransaction(deps, () => {
    const before = readFormsConfig(deps.db);
    const next = FormsConfig.parse({ ...before, ...patch });
    if (new Set(next.addressees.map((a) => a.id)).size !== next.addressees.length) {
      throw new AppError('forms_addressee_duplicate', {}, 400);
    }
    if (next.logoPngBase64 !== null && !isPng(next.logoPngBase64)) {
      throw new AppError('forms_logo_not_png', {}, 400);
    }
    section.write(deps.db, next);
    audit(deps, {
      actor,
      action: 'forms.config_changed',
      details: {
        addressees: next.addressees.map((a) => a.id),
        logo: next.logoPngBase64 !== null,
        attachmentRetentionDays: next.attachmentRetentionDays,
      },
    });
    return next;
  });

export const addresseeName = (config: FormsConfig, id: string): string => {
  const found = config.addressees.find((a) => a.id === id);
  if (!found) throw new AppError('forms_addressee_unknown', { id }, 400);
  return found.name;
};
