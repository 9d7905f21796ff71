import { z } from 'zod';
import { DocumentType } from '../document-number';
import { op } from './define';
import { OcrDocument } from './ocr';

/** The resident register (padrón): import, lookups and matching (issue 4). */

export const canonicalColumns = [
  'resident_id',
  'document_type',
  'document_number',
  'given_names',
  'surname1',
  'surname2',
  'birth_date',
  'sex',
  'nationality',
  'address',
  'district',
] as const;
export const CanonicalColumn = z.enum(canonicalColumns);
export type CanonicalColumn = z.infer<typeof CanonicalColumn>;

/** What screens and other features see of a resident: the document number only masked. */
export const Resident = z.object({
  id: z.number().int(),
  resident_id: z.string(),
  document_type: DocumentType,
  document_masked: z.string().nullable(),
  given_names: z.string(),
  surname1: z.string(),
  surname2: z.string().nullable(),
  birth_date: z.string(),
  sex: z.enum(['M', 'F', 'X']).nullable(),
  nationality: z.string().nullable(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  status: z.enum(['active', 'deregistered']),
  deregistered_on: z.string().nullable(),
  version: z.number().int(),
});
export type Resident = z.infer<typeof Resident>;

export const matchReasons = [
  'document_number_match',
  'document_number_mismatch',
  'passport_personal_number_match',
  'registered_with_other_document',
  'document_number_decides',
  'name_match_exact',
  'name_match_accent_insensitive',
  'surnames_swapped',
  'second_surname_missing',
  'mrz_truncated_name',
  'surname_phonetic_match',
  'surname_similar',
  'surname_mismatch',
  'given_name_abbreviated',
  'given_name_partial',
  'given_name_phonetic_match',
  'given_name_similar',
  'given_name_mismatch',
  'birth_date_match',
  'birth_date_mismatch',
  'nationality_match',
  'nationality_mismatch',
  'same_name_other_resident',
  'deregistered',
] as const;
export const MatchReason = z.enum(matchReasons);
export type MatchReason = z.infer<typeof MatchReason>;

export const Verdict = z.enum(['strong', 'review', 'weak']);
export type Verdict = z.infer<typeof Verdict>;

export const MatchCandidate = z.object({
  resident_id: z.string(),
  score: z.number().min(0).max(1),
  verdict: Verdict,
  reasons: z.array(MatchReason),
  resident: Resident,
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

/** An OCR `document` object, or the fields a clerk typed: every field optional. */
export const MatchQuery = OcrDocument.partial();
export type MatchQuery = z.infer<typeof MatchQuery>;

/** A rejected row; `message` is in the caller's language, `code` for screens that translate. */
export const ImportError = z.object({
  line: z.number().int(),
  message: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * A real import refuses to deregister more than this share of the active residents unless the
 * person confirms it: a partial or wrong file would otherwise deregister the town.
 */
export const MASS_DEREGISTRATION_SHARE = 0.05;

/** The import report; the CLI's `--json` prints the first six keys and the residents leaving. */
export const ImportReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  deregistered: z.number().int(),
  errors: z.array(ImportError),
  /** Who this import deregisters (the first thousand), so the dry run names them. */
  deregistered_residents: z
    .array(z.object({ resident_id: z.string(), name: z.string() }))
    .optional(),
  /** More than MASS_DEREGISTRATION_SHARE would go: committing needs allowMassDeregistration. */
  mass_deregistration: z.boolean().optional(),
  dry_run: z.boolean(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  columns: z.record(z.string(), CanonicalColumn),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const RegisterStats = z.object({
  active: z.number().int(),
  deregistered: z.number().int(),
  without_document: z.number().int(),
  last_import: z.object({ at: z.string(), actor: z.string(), file: z.string() }).nullable(),
});
export type RegisterStats = z.infer<typeof RegisterStats>;

export const ImportJob = z.object({
  id: z.string(),
  /** `ready` once the last slice is in: the report is then the dry run's. */
  phase: z.enum(['uploading', 'ready']),
  received: z.number().int(),
  report: ImportReport.nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

const importers = ['manager', 'admin'] as const;
const desk = ['clerk', 'manager', 'admin'] as const;
const CHUNK_BYTES = 1024 * 1024;

export const residentsOps = {
  residentsSearch: op({
    input: z.object({
      query: z.string().trim().min(1).max(120),
      limit: z.number().int().min(1).max(100).default(25),
    }),
    output: z.array(Resident),
    access: desk,
    mutates: false,
  }),
  residentsGet: op({
    input: z.object({ id: z.number().int() }),
    output: Resident,
    access: desk,
    mutates: false,
  }),
  residentsMatch: op({
    input: MatchQuery,
    output: z.object({ candidates: z.array(MatchCandidate) }),
    access: desk,
    mutates: false,
    local: true,
  }),
  residentsStats: op({
    input: z.object({}),
    output: RegisterStats,
    access: desk,
    mutates: false,
    local: true,
  }),
  /** Sends one base64 slice of the file; the last one runs the dry run and returns its report. */
  residentsImportUpload: op({
    input: z.object({
      job: z.string().max(64).optional(),
      fileName: z.string().max(255),
      totalBytes: z
        .number()
        .int()
        .min(1)
        .max(512 * 1024 * 1024),
      chunk: z.string().max(Math.ceil((CHUNK_BYTES * 4) / 3) + 4),
      last: z.boolean(),
    }),
    output: ImportJob,
    access: importers,
    mutates: false,
    maxInputBytes: 2 * CHUNK_BYTES,
  }),
  residentsImportCommit: op({
    input: z.object({
      job: z.string().max(64),
      allowMassDeregistration: z.boolean().default(false),
    }),
    output: ImportReport,
    access: importers,
    mutates: true,
  }),
  /** The CLI's import: the file's bytes in one call, with progress told to the local caller. */
  residentsImportFile: op({
    input: z.object({
      bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes'),
      fileName: z.string().max(255),
      dryRun: z.boolean().default(false),
      allowMassDeregistration: z.boolean().default(false),
      language: z.enum(['es', 'en']).optional(),
    }),
    output: ImportReport,
    access: 'local',
    mutates: true,
  }),
  residentsImportCancel: op({
    input: z.object({ job: z.string().max(64) }),
    output: z.object({}),
    access: importers,
    mutates: false,
  }),
};

export const IMPORT_CHUNK_BYTES = CHUNK_BYTES;
