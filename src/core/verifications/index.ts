import type { CoreDeps } from '../app/deps';
import type { ResidentsService } from '../residents/residents-service';
import type { ChangeAppliers } from '../sync/change-appliers';
import { createConflictDesk } from './conflicts';
import { lazyOcr, type PdfPrinter, verificationHandlers } from './handlers';
import { residentsPort } from './residents-adapter';
import { scannerInbox } from './scanner-inbox';
import { applyCentralAccount } from './accounts';
import {
  CENTRAL,
  applyCentralRevocation,
  applyPendingRequest,
  applyProofConfirmation,
} from './sync-appliers';
import { type CheckCredentials, createVerificationService } from './verification-service';

/** The verification desk wired for `createCore`: handlers, services and the sync appliers. */
export const createVerificationDesk = (
  deps: CoreDeps,
  residents: ResidentsService,
  checkCredentials: CheckCredentials,
  printer?: PdfPrinter,
) => {
  const port = residentsPort(deps, residents);
  const service = createVerificationService(deps, port, checkCredentials);
  const conflicts = createConflictDesk(deps, port);
  const ocr = lazyOcr(deps);
  const inbox = scannerInbox(deps, ocr.get);
  const appliers: ChangeAppliers = {
    'verification.proof_confirmed': (_db, change) => {
      applyProofConfirmation(service, deps, change.payload);
    },
    'verification.request': (_db, change) => applyPendingRequest(deps, change.payload),
    'verification.account_resolved': (_db, change) =>
      applyCentralAccount(deps, CENTRAL, change.payload),
    'verification.revoked': (_db, change) => {
      applyCentralRevocation(service, deps, change.payload);
    },
  };
  return {
    service,
    conflicts,
    appliers,
    inbox,
    /** The desk's OCR service (started on first use). */
    ocr: ocr.get,
    handlers: verificationHandlers(deps, service, conflicts, ocr.get, inbox, printer),
    close: async (): Promise<void> => {
      await inbox.close();
      await ocr.close();
    },
  };
};

export type VerificationDesk = ReturnType<typeof createVerificationDesk>;
export type { PdfPrinter } from './handlers';
