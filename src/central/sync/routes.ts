import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PullResponse, PushRequest, PushResponse, SYNC_PROTOCOL } from '../../shared/contract/sync';
import { jsonBody, parsed } from '../http/body';
import { refuse } from '../http/errors';
import type { RouteContext } from '../http/guards';
import type { CentralDevice, OpAppliers } from './appliers';
import { applyPush, pullChanges } from './service';

const PullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export interface SyncOptions {
  readonly appliers: OpAppliers;
  /** Called after a push commits and before its reply is sent (fault injection in chaos runs). */
  readonly afterPushCommit?: ((device: CentralDevice) => Promise<void>) | undefined;
}

/** Health, and the signed push and pull every counter runs. */
export const syncRoutes = (app: FastifyInstance, ctx: RouteContext, options: SyncOptions): void => {
  const { store, now, guards } = ctx;

  app.get('/v1/health', async () => ({
    ok: true,
    protocol: SYNC_PROTOCOL,
    server_time: now().toISOString(),
  }));

  app.post('/v1/sync/push', async (req, reply) => {
    const device = await guards.device(req, reply);
    if (!device) return reply;
    const input = jsonBody(PushRequest, req);
    if (input.device_id !== device.id) throw refuse(400, 'invalid_request');
    const results = await applyPush(store, options.appliers, device, input, now(), (e, kind) =>
      req.log.error({ err: e, kind }, 'op applier failed'),
    );
    await options.afterPushCommit?.(device);
    return PushResponse.parse({ results });
  });

  app.get('/v1/sync/pull', async (req, reply) => {
    const device = await guards.device(req, reply);
    if (!device) return reply;
    const query = parsed(PullQuery, req.query);
    return PullResponse.parse(await pullChanges(store, device.id, query.cursor, query.limit));
  });
};
