import { z } from 'zod';
import { IsoDay } from '../dates';
import { attachmentMediaTypes } from '../media-types';
import { op } from './define';

/** Walk-in forms and registry entries (issue 7): templates, filing, the registry book, receipts. */

const Text = z.object({ es: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof Text>;

const FieldName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/);

const FieldBase = {
  name: FieldName,
  label: Text,
  hint: Text.optional(),
  required: z.boolean(),
};

const Option = z.object({ value: z.string().regex(/^[a-z0-9_-]{1,40}$/), label: Text });

export const TemplateField = z.discriminatedUnion('kind', [
  z.object({ ...FieldBase, kind: z.literal('text'), maxLength: z.number().int().min(1).max(500) }),
  z.object({
    ...FieldBase,
    kind: z.literal('textarea'),
    maxLength: z.number().int().min(1).max(10_000),
  }),
  z.object({ ...FieldBase, kind: z.literal('select'), options: z.array(Option).min(2) }),
  z.object({ ...FieldBase, kind: z.literal('multiselect'), options: z.array(Option).min(2) }),
]);
export type TemplateField = z.infer<typeof TemplateField>;

/** A declarative form: what `resources/forms/*.json` and central's published versions contain. */
export const FormTemplate = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,60}$/),
    version: z.number().int().min(1),
    title: Text,
    /** The art. 16.3 heading printed in the registry book and on the receipt. */
    epigrafe: Text,
    defaultAddressee: z.string().regex(/^[a-z0-9-]{2,40}$/),
    /** Shown above the form; `danger` is for warnings like "emergencies: call 112". */
    banner: z.object({ tone: z.enum(['info', 'danger']), text: Text }).optional(),
    fields: z.array(TemplateField).min(1).max(30),
    /** Field whose value heads the content summary in the book and on the receipt. */
    summaryField: FieldName,
    attachments: z.object({ max: z.number().int().min(0).max(10), label: Text.optional() }),
  })
  .refine((t) => t.fields.some((f) => f.name === t.summaryField), { path: ['summaryField'] })
  .refine((t) => new Set(t.fields.map((f) => f.name)).size === t.fields.length, {
    path: ['fields'],
  });
export type FormTemplate = z.infer<typeof FormTemplate>;

/** i18n keys for field problems, shared by the core's error and the UI's zod resolver. */
export const fieldProblem = {
  required: 'forms.validation.required',
  tooLong: 'forms.validation.tooLong',
  option: 'forms.validation.option',
} as const;

const fieldSchema = (f: TemplateField): z.ZodType => {
  switch (f.kind) {
    case 'text':
    case 'textarea': {
      const base = z
        .string({ error: fieldProblem.required })
        .trim()
        .max(f.maxLength, fieldProblem.tooLong);
      return f.required ? base.min(1, fieldProblem.required) : base.optional();
    }
    case 'select': {
      const values = f.options.map((o) => o.value) as [string, ...string[]];
      const base = z.enum(values, { error: fieldProblem.option });
      return f.required ? base : base.optional().or(z.literal('').transform(() => undefined));
    }
    case 'multiselect': {
      const values = f.options.map((o) => o.value) as [string, ...string[]];
      const base = z.array(z.enum(values, { error: fieldProblem.option }), {
        error: fieldProblem.required,
      });
      return f.required ? base.min(1, fieldProblem.required) : base.optional();
    }
  }
};

/** The data a template accepts: the one schema both the core and the UI validate with. */
export const dataSchemaFor = (template: FormTemplate) =>
  z.strictObject(Object.fromEntries(template.fields.map((f) => [f.name, fieldSchema(f)])));

/** `2026-03-02T10:00:00+01:00` → `02/03/2026 10:00:00 (UTC+01:00)`: the counter's own clock. */
export const printedDateTime = (filedLocal: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})$/.exec(filedLocal);
  if (!m) return filedLocal;
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]} (UTC${m[5]})`;
};

export const FormValues = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type FormValues = z.infer<typeof FormValues>;

const Name = z.string().trim().min(1).max(160);
const DocumentInput = z.string().trim().min(3).max(30);
const Contact = z.string().trim().max(200);

export const InterestedParty = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('resident'),
    /** The register's id (issue 4); kept as text with no foreign key. */
    residentId: z.string().trim().min(1).max(64),
    name: Name,
    /** Already masked by the register; the plain number never travels here. */
    documentMasked: z.string().trim().max(30).optional(),
    contact: Contact.optional(),
  }),
  z.object({
    kind: z.literal('non_resident'),
    name: Name,
    document: DocumentInput,
    contact: Contact.optional(),
  }),
]);
export type InterestedParty = z.infer<typeof InterestedParty>;

export const Representative = z.object({
  name: Name,
  document: DocumentInput,
  contact: Contact.optional(),
});

export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

export const AttachmentInput = z.object({
  filename: z.string().trim().min(1).max(120),
  mediaType: z.enum(attachmentMediaTypes),
  /** Base64 of the file; the size limit is checked on the decoded bytes. */
  dataBase64: z
    .string()
    .min(4)
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
});

export const FileEntryInput = z.object({
  templateId: z.string(),
  data: FormValues,
  party: InterestedParty,
  representative: Representative.optional(),
  addressee: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .optional(),
  /** Art. 12.2: the resident's express consent for the clerk to file on their behalf. */
  consent: z.boolean(),
  language: z.enum(['es', 'en']).optional(),
  attachments: z.array(AttachmentInput).max(10).default([]),
});
export type FileEntryInput = z.input<typeof FileEntryInput>;

export const FiledEntry = z.object({
  entryId: z.string(),
  provisionalNumber: z.string(),
  filedAt: z.string(),
});

export const EntryStatus = z.enum(['queued', 'synced', 'official']);

export const AttachmentInfo = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  removed: z.boolean(),
});

export const RegistryEntry = z.object({
  id: z.string(),
  provisionalNumber: z.string(),
  officialNumber: z.string().nullable(),
  officialAssignedAt: z.string().nullable(),
  status: EntryStatus,
  templateId: z.string(),
  templateVersion: z.number().int(),
  epigrafe: z.string(),
  addressee: z.string(),
  addresseeName: z.string(),
  filedAt: z.string(),
  /** Counter-local time with its offset, e.g. `2026-03-02T10:00:00+01:00`. */
  filedLocal: z.string(),
  partyKind: z.enum(['resident', 'non_resident']),
  partyName: z.string(),
  partyDocumentMasked: z.string().nullable(),
  representativeName: z.string().nullable(),
  summary: z.string(),
  clerkName: z.string(),
  entryHash: z.string(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const RegistryEntryDetail = RegistryEntry.extend({
  data: FormValues,
  partyContact: z.string().nullable(),
  representativeDocumentMasked: z.string().nullable(),
  consentText: z.string().nullable(),
  attachments: z.array(AttachmentInfo),
});
export type RegistryEntryDetail = z.infer<typeof RegistryEntryDetail>;

export const Addressee = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string().trim().min(1).max(120),
});
export type Addressee = z.infer<typeof Addressee>;

export const FormsConfig = z.object({
  addressees: z.array(Addressee).min(1).max(50),
  /** PNG logo for receipts, base64; null prints the town name alone. */
  logoPngBase64: z.string().max(700_000).nullable(),
  /** Days an attachment stays on this counter after central has it. */
  attachmentRetentionDays: z.number().int().min(0).max(3650),
});
export type FormsConfig = z.infer<typeof FormsConfig>;

export const formsOps = {
  formsTemplates: op({
    input: z.object({}),
    output: z.array(FormTemplate),
    access: 'session',
    mutates: false,
    local: true,
  }),
  formsConfigGet: op({
    input: z.object({}),
    output: FormsConfig,
    access: 'session',
    mutates: false,
  }),
  formsConfigUpdate: op({
    input: FormsConfig.partial(),
    output: FormsConfig,
    access: ['admin'],
    mutates: true,
  }),
  formsFile: op({
    input: FileEntryInput,
    output: FiledEntry,
    access: 'session',
    mutates: true,
    maxInputBytes: 40 * 1024 * 1024,
  }),
  formsList: op({
    input: z.object({
      query: z.string().trim().max(120).optional(),
      templateId: z.string().optional(),
      from: IsoDay.optional(),
      to: IsoDay.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(RegistryEntry),
    access: 'session',
    mutates: false,
  }),
  formsGet: op({
    input: z.object({ id: z.string() }),
    output: RegistryEntryDetail,
    access: 'session',
    mutates: false,
  }),
  /**
   * A saved receipt is audited as it is rendered, so this one mutates. One rendered to print
   * is not: the page reports the print with formsReceiptPrinted once the dialog was reached.
   */
  formsReceipt: op({
    input: z.object({
      id: z.string(),
      format: z.enum(['a4', 'roll80']).default('a4'),
      language: z.enum(['es', 'en']).optional(),
      purpose: z.enum(['save', 'print']).default('save'),
    }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: 'session',
    mutates: true,
    local: true,
  }),
  formsReceiptPrinted: op({
    input: z.object({ id: z.string(), format: z.enum(['a4', 'roll80']).default('a4') }),
    output: z.object({}),
    access: 'session',
    mutates: true,
  }),
};
