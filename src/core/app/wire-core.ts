import { version } from '../../../package.json';
import { createAuditService } from '../audit/audit-service';
import { auditHandlers } from '../audit/handlers';
import type { InstallationKeys } from '../db/keys';
import { openDatabase } from '../db/open';
import { createFormsService, formsChangeAppliers, formsHandlers } from '../forms';
import { type Clock, systemClock } from '../platform/clock';
import { residentsHandlers } from '../residents/handlers';
import { registerChangeAppliers } from '../residents/register-deltas';
import { createResidentsService } from '../residents/residents-service';
import { settingsHandlers } from '../settings/handlers';
import { ensureDeviceId, readSettings } from '../settings/settings-service';
import { createAuthService } from '../staff/auth-service';
import { authHandlers, staffHandlers } from '../staff/handlers';
import { SessionStore } from '../staff/sessions';
import { createStaffService } from '../staff/staff-service';
import { syncEnrolHandlers } from '../sync/enrol-handler';
import { syncHandlers } from '../sync/handlers';
import { createSyncService } from '../sync/sync-service';
import { systemHandlers } from '../system/handlers';
import { printingHandlers } from '../printing/handlers';
import { privacyCentralAppliers, privacyCentralHandlers } from '../privacy/central-requests';
import { privacyHandlers } from '../privacy/handlers';
import { createRetentionJob } from '../privacy/retention-job';
import { createVerificationDesk, type PdfPrinter } from '../verifications';
import type { CoreDeps } from './deps';
import { createDispatch, type Dispatch } from './dispatch';
import type { Handlers } from './handlers';

export interface CoreOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly log?: (error: unknown) => void;
  /** Supplied by the desktop key store; the CLI leaves it out and uses the key file. */
  readonly keys?: InstallationKeys;
  /** The desktop's print dialog for receipts and reports; without it the page prints them itself. */
  readonly printPdf?: PdfPrinter;
  /** The built worker that reads register files off the main thread (out/main). */
  readonly registerWorker?: URL;
}

/**
 * Opens the data directory and wires every feature. Adapters get only `createCore`'s facade;
 * this wiring, with its services, is for the unit tests of those services.
 */
export const wireCore = (options: CoreOptions) => {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((e: unknown) => console.error(e));
  const opened = openDatabase(options.dataDir, { keys: options.keys });
  const deps: CoreDeps = {
    db: opened.db,
    keys: opened.keys,
    dataDir: options.dataDir,
    clock,
    deviceId: ensureDeviceId(opened.db),
    version,
    schemaVersion: opened.schemaVersion,
  };
  const sessions = new SessionStore(clock, () => readSettings(deps.db).idleLockMinutes * 60_000);
  const staff = createStaffService(deps);
  const auth = createAuthService(deps, sessions);
  const residents = createResidentsService(deps, { registerWorker: options.registerWorker });
  const forms = createFormsService(deps);
  const auditLog = createAuditService(deps);
  // Started by the long-running adapters (desktop, serve), like sync: not by each CLI command.
  const retention = createRetentionJob(deps, log);
  const verifications = createVerificationDesk(
    deps,
    residents,
    auth.checkCredentials,
    options.printPdf,
  );
  // Features add their pulled-change appliers here, keyed by change type.
  const sync = createSyncService(deps, {
    changeAppliers: {
      ...formsChangeAppliers(deps),
      ...verifications.appliers,
      ...registerChangeAppliers(residents),
      ...privacyCentralAppliers(deps),
    },
  });

  const handlers: Handlers = {
    ...systemHandlers(deps),
    ...settingsHandlers(deps),
    ...authHandlers(deps, staff, auth, sessions),
    ...staffHandlers(deps, staff, auth, sessions),
    ...residentsHandlers(deps, residents),
    ...formsHandlers(forms),
    ...auditHandlers(auditLog),
    ...verifications.handlers,
    ...syncHandlers(deps, sync),
    ...syncEnrolHandlers(sync),
    ...privacyHandlers(deps),
    ...privacyCentralHandlers(deps),
    ...printingHandlers(options.printPdf),
  };

  const dispatch: Dispatch = createDispatch(deps, handlers, sessions, auth.checkCredentials, log);
  return {
    deps,
    services: { staff, auth, sessions, forms, audit: auditLog, residents, sync, retention },
    dispatch,
    /** The background work of a long-running adapter (desktop, serve): sync and retention. */
    start: () => {
      sync.start();
      retention.start();
    },
    close: () => {
      void verifications.close();
      sync.stop();
      retention.stop();
      if (deps.db.open) deps.db.close();
    },
  };
};

export type CoreWiring = ReturnType<typeof wireCore>;
