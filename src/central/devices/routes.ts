import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../http/guards';
import { deviceBoard } from './service';

/** `GET /v1/devices`: the device board, for a staff token. */
export const deviceRoutes = (app: FastifyInstance, ctx: RouteContext): void => {
  app.get('/v1/devices', async (req, reply) => {
    if (!(await ctx.guards.staffToken(req, reply))) return reply;
    return deviceBoard(ctx.store);
  });
};
