import type { residentsOps } from '../../shared/contract/residents';
import { isAppError } from '../../shared/errors';
import type { CoreDeps } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import { ImportUploads, jobView } from './import-jobs';
import type { ResidentsService } from './residents-service';

export const residentsHandlers = (
  deps: CoreDeps,
  residents: ResidentsService,
): HandlersFor<typeof residentsOps> => {
  const uploads = new ImportUploads(deps.clock);
  return {
    residentsSearch: ({ query, limit }) => residents.search(query, limit),
    residentsGet: ({ id }) => residents.getById(id),
    residentsMatch: (query) => ({ candidates: residents.match(query) }),
    residentsStats: () => residents.stats(),
    residentsImportUpload: (input, ctx) => {
      const actor = requireActor(ctx);
      const upload = uploads.append(input, actor.staffId);
      if (input.last) {
        try {
          upload.report = residents.importCsv(uploads.bytes(upload), {
            actor,
            fileName: upload.fileName,
            dryRun: true,
          });
        } catch (e) {
          // A file that cannot be read is not kept for a commit that will never come.
          uploads.cancel(upload.id, actor.staffId);
          throw e;
        }
      }
      return jobView(upload);
    },
    residentsImportCommit: ({ job, allowMassDeregistration }, ctx) => {
      const actor = requireActor(ctx);
      const upload = uploads.get(job, actor.staffId);
      try {
        const report = residents.importCsv(uploads.bytes(upload), {
          actor,
          fileName: upload.fileName,
          allowMassDeregistration,
        });
        uploads.cancel(job, actor.staffId);
        return report;
      } catch (e) {
        // Refused for its deregistrations: the person may still confirm them.
        if (!(isAppError(e) && e.code === 'register_mass_deregistration'))
          uploads.cancel(job, actor.staffId);
        throw e;
      }
    },
    residentsImportFile: ({ bytes, ...options }, ctx) =>
      residents.importCsv(bytes, {
        ...options,
        actor: requireActor(ctx),
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
      }),
    residentsImportCancel: ({ job }, ctx) => {
      uploads.cancel(job, requireActor(ctx).staffId);
      return {};
    },
  };
};
