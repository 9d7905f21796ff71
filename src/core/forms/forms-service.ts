import { createHash } from 'node:crypto';
import type { FormsConfig } from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import type { Language } from '../../shared/i18n';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { readSettings } from '../settings/settings-service';
import { attachmentKey, readSealed } from './attachment-store';
import { readFormsConfig, updateFormsConfig } from './config';
import { attachmentRows, entryDetail, getEntryRow, listEntries, type ListFilter } from './entries';
import { fileEntry, type ParsedInput } from './filing';
import { type ReceiptFormat, renderReceipt } from './receipt-pdf';
import { currentTemplates, templateVersion } from './templates';

/** An attachment's plain bytes, checked against the hash printed on the receipt (for sync). */
export const readAttachment = (deps: CoreDeps, attachmentId: string): Buffer => {
  const row = deps.db
    .prepare('SELECT sha256, removed_at FROM registry_attachments WHERE id = ?')
    .get(attachmentId) as { sha256: string; removed_at: string | null } | undefined;
  if (!row || row.removed_at)
    throw new AppError('forms_attachment_not_found', { id: attachmentId }, 404);
  const plain = readSealed(deps.dataDir, attachmentKey(deps.keys.dbKey), attachmentId);
  if (createHash('sha256').update(plain).digest('hex') !== row.sha256) {
    throw new AppError('forms_attachment_corrupt', { id: attachmentId }, 500);
  }
  return plain;
};

export const createFormsService = (deps: CoreDeps) => {
  const { db } = deps;

  /** Records that a receipt left the counter (printed, or saved as a file). */
  const recordPrinted = (actor: Actor, id: string, format: ReceiptFormat): void => {
    const entry = getEntryRow(db, id);
    inTransaction(deps, () =>
      audit(deps, {
        actor,
        action: 'forms.receipt_printed',
        subject: `registry:${entry.provisional_number}`,
        details: { entry_id: id, format, official_number: entry.official_number },
      }),
    );
  };

  /**
   * Renders the receipt, then records it as handed out unless it is only rendered to print
   * (the print is recorded once the dialog was reached). A failed render records nothing.
   */
  const receipt = async (
    actor: Actor,
    id: string,
    format: ReceiptFormat,
    language?: Language,
    purpose: 'save' | 'print' = 'save',
  ): Promise<{ pdf: Buffer; filename: string }> => {
    const entry = getEntryRow(db, id);
    const settings = readSettings(db);
    const config = readFormsConfig(db);
    const pdf = await renderReceipt({
      entry,
      attachments: attachmentRows(db, id),
      template: templateVersion(db, entry.template_id, entry.template_version),
      townName: settings.townName,
      logoPng: config.logoPngBase64 ? Buffer.from(config.logoPngBase64, 'base64') : null,
      language: language ?? settings.defaultLanguage,
      format,
    });
    if (purpose === 'save') recordPrinted(actor, id, format);
    return { pdf, filename: `justificante-${entry.provisional_number}.pdf` };
  };

  return {
    templates: () => currentTemplates(db),
    config: () => readFormsConfig(db),
    updateConfig: (actor: Actor, patch: Partial<FormsConfig>) =>
      updateFormsConfig(deps, actor, patch),
    file: (actor: Actor, input: ParsedInput) => fileEntry(deps, actor, input),
    list: (filter: ListFilter) => listEntries(db, filter),
    get: (id: string) => entryDetail(db, id),
    receipt,
    recordPrinted,
    readAttachment: (attachmentId: string) => readAttachment(deps, attachmentId),
  };
};

export type FormsService = ReturnType<typeof createFormsService>;
