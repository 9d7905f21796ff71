import type { z } from 'zod';
import { AppError, isAppError } from '../shared/errors';
import {
  centralAnswerError,
  COUNTER_CODE,
  isCentralErrorCode,
} from '../shared/contract/central-errors';
import { invalidInputParams } from '../shared/input-issues';
import { createEnrolmentCode } from './enrolment/service';
import { deviceBoard, revokeDevice } from './devices/service';
import { createStaffToken } from './staff-tokens/service';
import { type AdminOp, type AdminOps, type AdminOutput, adminOps } from './admin-ops';
import { createConsoleAccounts } from './console/accounts-service';
import type { CentralStore } from './db/store';
import { storeTownAccount } from './bluesky/service';
import { importRegisterAtCentral } from './register/service';
import { eraseInStore, exportAtCentral } from './privacy/service';
import { renderCentralExportPdf } from './privacy/routes';
import { publishTemplate } from './templates/service';
import { createVerificationRequest, revokeVerification } from './verifications/service';

type Handlers = {
  readonly [K in AdminOp]: (
    store: CentralStore,
    input: z.infer<AdminOps[K]['input']>,
    now: Date,
  ) => Promise<AdminOutput<K>>;
};

/** A refusal in central's closed list, worded as the counter words central's answers. */
const asCounterWords = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) && isCentralErrorCode(e.code))
      throw new AppError(COUNTER_CODE[e.code], e.params, e.status);
    throw e;
  }
};

const handlers: Handlers = {
  blueskyAccount: (store, input, now) =>
    storeTownAccount(store, { ...input, renamePolicy: input.rename_policy }, now),
  enrollDevice: (store, { name }, now) => createEnrolmentCode(store, name, now),
  revokeDevice: async (store, { id }, now) => ({ revoked: await revokeDevice(store, id, now) }),
  devices: (store) => deviceBoard(store),
  token: async (store, { name, scopes }, now) => ({
    token: await createStaffToken(store, name, now, scopes),
  }),
  requestVerification: (store, input, now) => createVerificationRequest(store, input, 'cli', now),
  // The route's own service, so the command and POST /v1/verifications/{id}/revoke agree.
  revokeVerification: async (store, { id, reason }, now) => {
    try {
      return await revokeVerification(store, id, reason, 'cli', now);
    } catch (e) {
      if (!isAppError(e)) throw e;
      // Worded as the counter words central's answers (`sync_unknown_verification`...).
      const words = centralAnswerError(e.status, { error: e.code });
      throw new AppError(words.code, words.params, e.status);
    }
  },
  registerImport: (store, input, now) =>
    importRegisterAtCentral(store, Buffer.from(input.file_base64, 'base64'), {
      fileName: input.file_name,
      dryRun: input.dry_run,
      allowMassDeregistration: input.allow_mass_deregistration,
      language: input.language,
      now,
    }),
  staffAdd: async (store, input, now) => {
    try {
      const account = await createConsoleAccounts(store).add(
        { ...input, displayName: input.display_name },
        now,
      );
      return { username: account.username, display_name: account.displayName, role: account.role };
    } catch (e) {
      // Worded as the counter words central's answers, like revokeVerification.
      if (isAppError(e)) throw new AppError(`sync_${e.code}`, e.params, e.status);
      throw e;
    }
  },
  privacyExport: (store, { resident_id, pdf, language }, now) =>
    asCounterWords(async () => {
      const data = await exportAtCentral(store, resident_id, 'cli', now);
      const bytes = pdf ? await renderCentralExportPdf(data, language) : null;
      return { export: data, pdf_base64: bytes ? bytes.toString('base64') : null };
    }),
  privacyErase: (store, { resident_id }, now) =>
    asCounterWords(() => eraseInStore(store, resident_id, 'cli', now)),
  formsPublish: (store, { file_base64 }) =>
    publishTemplate(store, Buffer.from(file_base64, 'base64')),
};

/**
 * The one path every admin command takes, whether the CLI opened the database itself or the
 * running central received it on its loopback admin route: input and output checked with zod.
 */
export const runAdminOp = async <K extends AdminOp>(
  store: CentralStore,
  op: K,
  input: unknown,
  now: Date = new Date(),
): Promise<AdminOutput<K>> => {
  const spec = adminOps[op];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success)
    throw new AppError('invalid_input', invalidInputParams(parsed.error, input), 400);
  const handler = handlers[op] as (
    store: CentralStore,
    input: unknown,
    now: Date,
  ) => Promise<unknown>;
  return spec.output.parse(await handler(store, parsed.data, now)) as AdminOutput<K>;
};
