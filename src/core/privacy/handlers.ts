import type { privacyOps } from '../../shared/contract/privacy';
import type { CoreDeps } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import { readSettings } from '../settings/settings-service';
import { eraseResident } from './erase';
import { exportResident } from './export';
import { renderExportPdf } from './export-pdf';
import { runRetention } from './retention-job';
import { readRetentionPolicy, updateRetentionPolicy } from './retention-policy';

export const privacyHandlers = (deps: CoreDeps): HandlersFor<typeof privacyOps> => ({
  privacyRetentionGet: () => readRetentionPolicy(deps.db),
  privacyRetentionUpdate: (input, ctx) => updateRetentionPolicy(deps, requireActor(ctx), input),
  privacyLookup: (input, ctx) =>
    exportResident(deps, requireActor(ctx), input.residentId, 'screen'),
  privacyExport: (input, ctx) => exportResident(deps, requireActor(ctx), input.residentId, 'json'),
  privacyExportPdf: async (input, ctx) => {
    const data = exportResident(deps, requireActor(ctx), input.residentId, 'pdf');
    const settings = readSettings(deps.db);
    const pdf = await renderExportPdf(data, settings.townName, input.language, settings.timeZone);
    return {
      fileName: `datos-${data.residentId.replace(/[^\w-]/g, '_')}.pdf`,
      base64: pdf.toString('base64'),
    };
  },
  privacyRetentionRun: () => runRetention(deps),
  privacyErase: (input, ctx) =>
    eraseResident(deps, requireActor(ctx), input.residentId, input.confirm),
});
