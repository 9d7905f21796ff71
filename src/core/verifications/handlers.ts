import { join } from 'node:path';
import type { verificationOps } from '../../shared/contract/verifications';
import type { CoreDeps } from '../app/deps';
import { audit, inTransaction } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import { createOcrService, type OcrService } from '../ocr';
import { readSettings } from '../settings/settings-service';
import type { ConflictDesk } from './conflicts';
import { explainReadFailure } from './read-failure';
import { renderReceipt } from './receipt-pdf';
import type { scannerInbox } from './scanner-inbox';
import { checkProof, lookupAccount } from './accounts';
import { listFailedLookups } from './anti-fishing';
import { normalizeHandle } from './networks';
import { readValidityMonths, setValidityMonths } from './repo';
import type { VerificationService } from './verification-service';

/** The OCR workers are heavy: started on the first card, kept warm for the next resident. */
export const lazyOcr = (deps: CoreDeps) => {
  let service: OcrService | undefined;
  return {
    get: (): OcrService =>
      (service ??= createOcrService({ cacheDir: join(deps.dataDir, 'ocr-cache') })),
    close: async (): Promise<void> => {
      await service?.close();
      service = undefined;
    },
  };
};

/** The desktop shell's print dialog for a PDF; resolves whether it was printed. */
export type PdfPrinter = (pdf: Buffer) => Promise<boolean>;

export const verificationHandlers = (
  deps: CoreDeps,
  service: VerificationService,
  conflicts: ConflictDesk,
  ocr: () => OcrService,
  inbox: ReturnType<typeof scannerInbox>,
  printer: PdfPrinter | undefined,
): HandlersFor<typeof verificationOps> => {
  let warmed = false;
  const receipt = (id: string, language: 'es' | 'en') => {
    const v = service.get(id);
    const { townName, timeZone } = readSettings(deps.db);
    return renderReceipt(v, townName, language, timeZone).then((pdf) => ({ v, pdf }));
  };
  return {
    verifyReadImage: async (input) => {
      const startedAt = deps.clock.now().toISOString();
      const today = deps.clock.now();
      // The image lives only in this request's memory: it is never written anywhere.
      const front = input.front ? Buffer.from(input.front, 'base64') : undefined;
      const back = input.back ? Buffer.from(input.back, 'base64') : undefined;
      try {
        const result =
          front && back
            ? await ocr().readCard(front, back, { today })
            : await ocr().readDocument(front ?? back ?? Buffer.alloc(0), { today });
        return { result, startedAt };
      } catch (e) {
        throw explainReadFailure(e, today);
      }
    },
    verifyWarmUp: () => {
      // Not awaited: the clerk is not kept waiting, and warmUp never rejects.
      void ocr()
        .warmUp()
        .then(() => (warmed = true));
      return { ready: warmed };
    },
    verifyScannerNext: () => ({ card: inbox.take() }),
    verifyMatch: (input, ctx) => service.match(requireActor(ctx), input.document, input.entry),
    verifyRejectCandidates: (input, ctx) => {
      service.rejectCandidates(requireActor(ctx), input.document);
      return {};
    },
    verifyPendingRequests: (input) => service.pendingRequests(input.residentId),
    verifySave: (input, ctx) => service.save(requireActor(ctx), input),
    verifyLookupAccount: (input) =>
      lookupAccount(input.network, normalizeHandle(input.network, input.handle).key),
    verifyCheckProof: (input, ctx) => checkProof(deps, service, requireActor(ctx), input.id),
    verifyConfirmProof: (input, ctx) => service.confirmProof(requireActor(ctx), input.id),
    verifyRevoke: (input, ctx) =>
      service.revoke(requireActor(ctx), input.id, input.ground, input.reason),
    verifyGet: (input) => service.get(input.id),
    verifyHistory: (input) => service.history(input.residentId),
    verifyRecent: (input) => service.recent(input.limit),
    verifyToday: () => service.today(),
    verifyReceipt: async (input) => {
      const { v, pdf } = await receipt(input.id, input.language);
      return { fileName: `verificacion-${v.id}.pdf`, base64: pdf.toString('base64') };
    },
    verifyPrintReceipt: async (input) => {
      if (!printer) return { desktop: false, printed: false };
      const { pdf } = await receipt(input.id, input.language);
      return { desktop: true, printed: await printer(pdf) };
    },
    verifyConflicts: (input) => {
      service.expireDue();
      return conflicts.list(input.state);
    },
    verifyResolveConflict: (input, ctx) =>
      conflicts.resolve(requireActor(ctx), input.id, input.decision, input.reason),
    verifyFailedLookups: (input) => listFailedLookups(deps, input.limit),
    verifyPolicy: (input, ctx) => {
      const actor = requireActor(ctx);
      const before = readValidityMonths(deps.db);
      const next = input.validityMonths;
      if (next !== undefined && next !== before) {
        inTransaction(deps, () => {
          setValidityMonths(deps.db, next);
          audit(deps, {
            actor,
            action: 'verification.policy_changed',
            details: { validityMonths: { from: before, to: next } },
          });
        });
      }
      return { validityMonths: readValidityMonths(deps.db) };
    },
  };
};
