import type { syncEnrolOps } from '../../shared/contract/sync-enrol';
import { type HandlersFor, requireActor } from '../app/handlers';
import type { SyncService } from './sync-service';

/**
 * The Settings screen's enrolment. The service checks the address, registers the device key with
 * central and audits it; refusals arrive as translated `sync_*` errors (bad address, central
 * unreachable, code used or expired, counter already enrolled).
 */
export const syncEnrolHandlers = (sync: SyncService): HandlersFor<typeof syncEnrolOps> => ({
  syncEnrol: async ({ centralUrl, code }, ctx) => {
    const { name } = await sync.enrol(requireActor(ctx), centralUrl, code);
    return { name, centralUrl: sync.status().centralUrl ?? centralUrl };
  },
});
