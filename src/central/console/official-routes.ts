import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Network } from '../../shared/contract/verifications';
import type { CentralStore } from '../db/store';
import { createVerificationRequest, withdrawVerificationRequest } from '../verifications/service';
import { NewRequest } from '../verifications/schemas';
import { consoleStore } from './console-store';
import { jsonBody, parsed } from '../http/body';
import { type ConsoleContext, consoleSession, handle } from './guard';
import { lookUpDirectory } from './directory-service';

const LookUp = z.object({
  q: z.string().trim().min(1).max(300),
  network: Network.optional(),
});
const IdParams = z.object({ id: z.string().min(1).max(100) });

/** The official's screens: the directory, and online verification requests. */
export const officialRoutes = (
  app: FastifyInstance,
  ctx: ConsoleContext,
  store: CentralStore,
): void => {
  app.get(
    '/console/api/directory',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { area: 'directory' });
      const { q, network } = parsed(LookUp, req.query);
      return lookUpDirectory(store, q, network, s.account.username, ctx.now());
    }),
  );

  app.get(
    '/console/api/requests',
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'requests' });
      return { requests: await consoleStore.requests(store) };
    }),
  );

  app.post(
    '/console/api/requests',
    handle(ctx, async (req, reply) => {
      const s = await consoleSession(ctx, req, { area: 'requests' });
      // The counters' own handle rules may refuse it (`invalid_handle_x`...): worded as at the desk.
      const made = await createVerificationRequest(
        store,
        jsonBody(NewRequest, req),
        s.account.username,
        ctx.now(),
      );
      return reply.code(201).send(made);
    }),
  );

  app.delete(
    '/console/api/requests/:id',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { area: 'requests' });
      const { id } = parsed(IdParams, req.params);
      return withdrawVerificationRequest(store, id, s.account.username, ctx.now());
    }),
  );
};
