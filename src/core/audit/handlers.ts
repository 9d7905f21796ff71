import type { auditOps } from '../../shared/contract/audit';
import { type HandlersFor, requireActor } from '../app/handlers';
import type { AuditService } from './audit-service';

export const auditHandlers = (audit: AuditService): HandlersFor<typeof auditOps> => ({
  auditVerify: () => audit.verify(),
  auditStats: (input) => audit.stats(input),
  auditList: (input, ctx) =>
    audit.list(requireActor(ctx), input.filters, input.offset, input.limit),
  auditExport: async (input, ctx) => {
    const file = await audit.exportLog(requireActor(ctx), input);
    return {
      fileName: file.fileName,
      mimeType: file.mimeType,
      base64: file.data.toString('base64'),
      count: file.count,
    };
  },
  auditPrinted: (input, ctx) => {
    audit.printed(requireActor(ctx), input.filters);
    return {};
  },
});
