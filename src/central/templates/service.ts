import { bundledTemplates } from '../../core/forms/templates';
import { FormTemplate } from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import { issueSummary } from '../../shared/input-issues';
import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { centralTx } from '../sync/service';
import { syncStore } from '../sync/store';

/** The change type counters apply with `applyTemplateVersion` (src/core/forms). */
export const TEMPLATE_CHANGE_TYPE = 'forms.template';

export interface PublishedTemplate {
  readonly id: string;
  readonly version: number;
  /** Central's change sequence: counters receive it on their next pull. */
  readonly seq: number;
}

const parseTemplate = (bytes: Uint8Array): FormTemplate => {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('forms_template_file_invalid', { detail: 'JSON' }, 422);
  }
  const parsed = FormTemplate.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'forms_template_file_invalid',
      { detail: issueSummary(parsed.error, raw) },
      422,
    );
  }
  return parsed.data;
};

/**
 * `ventanilla central forms publish FILE`: a new version of a form template for every counter.
 * Checked here with the counters' own schema, because a change a counter cannot apply would
 * stall its pull. Versions only go up (above the shipped one and any published before), so
 * counters' version guard applies each exactly once; entries keep the version they were filed with.
 */
export const publishTemplate = async (
  store: CentralStore,
  bytes: Uint8Array,
  now: Date = new Date(),
): Promise<PublishedTemplate> => {
  const template = parseTemplate(bytes);
  return store.transaction(async (raw) => {
    // Taken before reading: two publications of one template apply one after the other.
    await syncStore.lockChanges(raw);
    const sent = await syncStore.newestVersion(raw, TEMPLATE_CHANGE_TYPE, template.id);
    const shipped = bundledTemplates.find((t) => t.id === template.id)?.version ?? 0;
    const newest = Math.max(shipped, sent);
    if (template.version <= newest) {
      throw new AppError(
        'forms_template_not_newer',
        { id: template.id, version: template.version, newest },
        409,
      );
    }
    const seq = await centralTx(raw, now).emitChange({
      type: TEMPLATE_CHANGE_TYPE,
      entity_id: template.id,
      version: template.version,
      payload: template,
    });
    await centralAudit(raw, now, 'template.published', null, {
      id: template.id,
      version: template.version,
    });
    return { id: template.id, version: template.version, seq };
  });
};
