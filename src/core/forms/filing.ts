import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  dataSchemaFor,
  type FileEntryInput,
  type FormTemplate,
  type FormValues,
  MAX_ATTACHMENT_BYTES,
} from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { utcOffsetMinutes } from '../platform/clock';
import { hashDocumentNumber } from '../privacy/document-number';
import {
  documentKind,
  hasValidLetter,
  maskDocumentNumber,
  normalizeDocumentNumber,
} from '../../shared/document-number';
import { listProblems } from '../../shared/input-issues';
import type { AttachmentMediaType } from '../../shared/media-types';
import { readSettings } from '../settings/settings-service';
import { findById } from '../staff/staff-repo';
import { enqueue } from '../sync/outbox';
import { attachmentKey, removeSealed, writeSealed } from './attachment-store';
import { addresseeName, readFormsConfig } from './config';
import { computeEntryHash, type EntryRow, hashedContent } from './entries';
import { formatProvisional, localTimestamp, takeNextSeq } from './numbering';
import { currentTemplate } from './templates';

/** The filing input after the contract has parsed it (defaults applied). */
export type ParsedInput = z.output<typeof FileEntryInput>;

interface PreparedAttachment {
  readonly id: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

const MAGIC: Readonly<Record<AttachmentMediaType, (b: Buffer) => boolean>> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Field problems as `name: problem` pairs; the i18n text says which fields to fix. */
export const validateData = (template: FormTemplate, data: FormValues): FormValues => {
  const parsed = dataSchemaFor(template).safeParse(data);
  if (parsed.success) return parsed.data as FormValues;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.set(key, 'unknown');
    } else if (typeof field === 'string' && !problems.has(field)) {
      problems.set(field, issue.message.replace('forms.validation.', ''));
    }
  }
  throw new AppError(
    'forms_invalid',
    { fields: listProblems(problems), count: problems.size },
    422,
  );
};

const prepareAttachments = (
  template: FormTemplate,
  input: ParsedInput['attachments'],
): PreparedAttachment[] => {
  if (input.length > template.attachments.max) {
    throw new AppError('forms_too_many_attachments', { max: template.attachments.max }, 422);
  }
  return input.map((a) => {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(a.dataBase64)) {
      throw new AppError('forms_attachment_unreadable', { file: a.filename }, 422);
    }
    const bytes = Buffer.from(a.dataBase64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError(
        'forms_attachment_too_large',
        { file: a.filename, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
        413,
      );
    }
    if (!MAGIC[a.mediaType](bytes))
      throw new AppError('forms_attachment_unreadable', { file: a.filename }, 422);
    return {
      id: uuidv7(),
      filename: a.filename,
      mediaType: a.mediaType,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
};

interface CheckedDocument {
  readonly masked: string;
  readonly hash: string;
}

const checkDocument = (
  deps: CoreDeps,
  raw: string,
  role: 'party' | 'representative',
): CheckedDocument => {
  const normalized = normalizeDocumentNumber(raw);
  const kind = documentKind(normalized);
  if ((kind !== 'OTHER' && !hasValidLetter(normalized)) || !/^[A-Z0-9]{3,20}$/.test(normalized)) {
    throw new AppError('forms_document_invalid', { who: role }, 422);
  }
  return {
    masked: maskDocumentNumber(normalized),
    hash: hashDocumentNumber(deps.keys.hmacKey, normalized),
  };
};

const optionLabel = (
  template: FormTemplate,
  field: string,
  value: string,
  lang: 'es' | 'en',
): string => {
  const def = template.fields.find((f) => f.name === field);
  if (def && (def.kind === 'select' || def.kind === 'multiselect')) {
    return def.options.find((o) => o.value === value)?.label[lang] ?? value;
  }
  return value;
};

/**
 * "Reference to its content" (art. 16.3): the template's most telling field (the kind of
 * incident, the reason for an appointment), readable, at most 200 characters.
 */
export const contentSummary = (
  template: FormTemplate,
  data: FormValues,
  lang: 'es' | 'en',
): string => {
  const value = data[template.summaryField];
  const text = Array.isArray(value)
    ? value.map((v) => optionLabel(template, template.summaryField, v, lang)).join(', ')
    : optionLabel(template, template.summaryField, value ?? '', lang);
  // An optional summary field left empty: the form's own title says what the entry is about.
  const oneLine = text.replace(/\s+/g, ' ').trim() || template.title[lang];
  return oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
};

const clerkName = (deps: CoreDeps, actor: Actor): string => {
  if (actor.staffId === null) return actor.username;
  return findById(deps.db, actor.staffId)?.display_name ?? actor.username;
};

export interface Filed {
  readonly entryId: string;
  readonly provisionalNumber: string;
  readonly filedAt: string;
}

/**
 * Files one walk-in entry. Everything is checked before anything is written; the attachment
 * files are sealed first, then one transaction takes the number, inserts the entry, audits it
 * and queues it for central. If that transaction fails, the sealed files are removed again.
 */
export const fileEntry = (deps: CoreDeps, actor: Actor, input: ParsedInput): Filed => {
  const template = currentTemplate(deps.db, input.templateId);
  const data = validateData(template, input.data);
  if (!input.consent) throw new AppError('forms_consent_required', {}, 422);
  const config = readFormsConfig(deps.db);
  const addressee = input.addressee ?? template.defaultAddressee;
  const addresseeLabel = addresseeName(config, addressee);
  const party =
    input.party.kind === 'non_resident' ? checkDocument(deps, input.party.document, 'party') : null;
  const rep = input.representative
    ? checkDocument(deps, input.representative.document, 'representative')
    : null;
  const attachments = prepareAttachments(template, input.attachments);
  const settings = readSettings(deps.db);
  const lang = input.language ?? settings.defaultLanguage;
  const clerk = clerkName(deps, actor);

  const key = attachmentKey(deps.keys.dbKey);
  try {
    // Inside the try: when the disk fills on the second file, the first is removed too.
    for (const a of attachments) writeSealed(deps.dataDir, key, a.id, a.bytes);
    return inTransaction(deps, () => {
      const at = deps.clock.now();
      const offset = utcOffsetMinutes(at);
      const filedLocal = localTimestamp(at, offset);
      const year = Number(filedLocal.slice(0, 4));
      const seq = takeNextSeq(deps.db, year);
      const base = {
        id: uuidv7(),
        year,
        seq,
        provisional_number: formatProvisional(settings.ineCode, settings.counterCode, year, seq),
        template_id: template.id,
        template_version: template.version,
        epigrafe: template.epigrafe[lang],
        addressee,
        addressee_name: addresseeLabel,
        filed_at: at.toISOString(),
        filed_local: filedLocal,
        utc_offset_min: offset,
        party_kind: input.party.kind,
        party_resident_id: input.party.kind === 'resident' ? input.party.residentId : null,
        party_name: input.party.name,
        party_doc_masked:
          party?.masked ??
          (input.party.kind === 'resident' ? (input.party.documentMasked ?? null) : null),
        party_doc_hash: party?.hash ?? null,
        party_contact: input.party.contact || null,
        rep_name: input.representative?.name ?? null,
        rep_doc_masked: rep?.masked ?? null,
        rep_doc_hash: rep?.hash ?? null,
        rep_contact: input.representative?.contact || null,
        data: JSON.stringify(data),
        summary: contentSummary(template, data, lang),
        consent_text: translate(lang, 'forms.consent.statement', { town: settings.townName }),
        clerk_id: actor.staffId,
        clerk_name: clerk,
      };
      const content = hashedContent(
        base,
        attachments.map((a) => a.sha256),
      );
      const row: EntryRow = {
        ...base,
        official_number: null,
        official_assigned_at: null,
        entry_hash: computeEntryHash(content),
        synced_at: null,
      };
      deps.db
        .prepare(
          `INSERT INTO registry_entries (${Object.keys(row).join(', ')})
           VALUES (${Object.keys(row)
             .map((k) => `@${k}`)
             .join(', ')})`,
        )
        .run(row);
      const insertAttachment = deps.db.prepare(
        `INSERT INTO registry_attachments (id, entry_id, position, filename, media_type, size, sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      attachments.forEach((a, i) =>
        insertAttachment.run(
          a.id,
          row.id,
          i + 1,
          a.filename,
          a.mediaType,
          a.bytes.length,
          a.sha256,
        ),
      );
      audit(deps, {
        actor,
        action: 'forms.filed',
        subject: `registry:${row.provisional_number}`,
        details: {
          entry_id: row.id,
          template: `${template.id}@${template.version}`,
          attachments: attachments.length,
        },
      });
      enqueue(
        deps.db,
        {
          kind: 'registry.entry',
          entityId: row.id,
          payload: { ...content, entry_hash: row.entry_hash },
        },
        at,
      );
      for (const a of attachments) {
        enqueue(
          deps.db,
          {
            kind: 'registry.attachment',
            entityId: a.id,
            payload: {
              entry_id: row.id,
              id: a.id,
              filename: a.filename,
              media_type: a.mediaType,
              size: a.bytes.length,
              sha256: a.sha256,
            },
          },
          at,
        );
      }
      return {
        entryId: row.id,
        provisionalNumber: row.provisional_number,
        filedAt: row.filed_local,
      };
    });
  } catch (e) {
    for (const a of attachments) removeSealed(deps.dataDir, a.id);
    throw e;
  }
};
