import { z } from 'zod';
import { CentralErasureReport, CentralPrivacyExport } from '../shared/contract/privacy-central';
import { ImportReport } from '../shared/contract/residents';
import { Password, Username } from '../shared/contract/staff';
import { languages } from '../shared/i18n/define';
import { DeviceBoard } from './devices/service';
import { CONSOLE_ROLES } from './console/accounts-store';
import { TOKEN_SCOPES } from './staff-tokens/scopes';
import { NewRequest, RequestAnswer, RevokeAnswer, RevokeBody } from './verifications/schemas';

const Name = z.string().trim().min(1).max(200);
/** A file's bytes, so the service never reads a path named by the caller. */
const FileBytes = z.string().max(1_400_000_000);

/**
 * The `ventanilla central …` admin commands, declared once. The CLI runs them through
 * `runAdminOp` on the database itself when no central is running, or sends them to the running
 * central's loopback admin route, which runs the same `runAdminOp`.
 */
export const adminOps = {
  enrollDevice: {
    input: z.object({ name: Name }),
    output: z.object({ code: z.string(), expires_at: z.string() }),
  },
  revokeDevice: {
    input: z.object({ id: z.string().trim().min(1).max(100) }),
    output: z.object({ revoked: z.boolean() }),
  },
  devices: { input: z.object({}), output: DeviceBoard },
  token: {
    input: z.object({ name: Name, scopes: z.array(z.enum(TOKEN_SCOPES)).max(10).optional() }),
    output: z.object({ token: z.string() }),
  },
  requestVerification: { input: NewRequest, output: RequestAnswer },
  revokeVerification: {
    input: RevokeBody.extend({ id: z.string().trim().min(1).max(100) }),
    output: RevokeAnswer,
  },
  registerImport: {
    input: z.object({
      file_base64: FileBytes,
      file_name: z.string().min(1).max(500),
      dry_run: z.boolean(),
      allow_mass_deregistration: z.boolean().default(false),
      language: z.enum(languages),
    }),
    output: ImportReport,
  },
  staffAdd: {
    input: z.object({
      username: Username,
      display_name: z.string().trim().min(1).max(120),
      role: z.enum(CONSOLE_ROLES),
      password: Password,
    }),
    output: z.object({ username: z.string(), display_name: z.string(), role: z.string() }),
  },
  privacyExport: {
    input: z.object({
      resident_id: z.string().trim().min(1).max(64),
      pdf: z.boolean().default(false),
      language: z.enum(languages).default('es'),
    }),
    output: z.object({ export: CentralPrivacyExport, pdf_base64: z.string().nullable() }),
  },
  privacyErase: {
    input: z.object({ resident_id: z.string().trim().min(1).max(64) }),
    output: CentralErasureReport,
  },
  formsPublish: {
    input: z.object({ file_base64: FileBytes }),
    output: z.object({ id: z.string(), version: z.number().int(), seq: z.number().int() }),
  },
  /** The town's Bluesky account, checked and sealed by the CLI beside the data folder's key. */
  blueskyAccount: {
    input: z.object({
      service: z.url().max(300),
      identifier: z.string().trim().min(1).max(300),
      did: z.string().min(1).max(250),
      sealed: z.string().min(1).max(4000),
      rename_policy: z.enum(['refresh', 'flag']).default('refresh'),
    }),
    output: z.object({ did: z.string() }),
  },
} as const;

export type AdminOps = typeof adminOps;
export type AdminOp = keyof AdminOps;
export type AdminOutput<K extends AdminOp> = z.infer<AdminOps[K]['output']>;

export const isAdminOp = (name: string): name is AdminOp => Object.hasOwn(adminOps, name);
