import type { FastifyInstance } from 'fastify';
import { EnrolRequest } from '../../shared/contract/sync';
import { isAppError } from '../../shared/errors';
import { jsonBody } from '../http/body';
import type { RouteContext } from '../http/guards';
import { enrolDevice } from './service';

/** `POST /v1/enroll`: a counter redeems its one-time code, behind the address's refusal budget. */
export const enrolmentRoutes = (app: FastifyInstance, ctx: RouteContext): void => {
  const { store, now, limiter } = ctx;
  app.post('/v1/enroll', async (req, reply) => {
    if (await limiter.refusalsSpent(req, reply)) return reply;
    const input = jsonBody(EnrolRequest, req);
    try {
      return await enrolDevice(store, input, now(), req.ip);
    } catch (e) {
      // A malformed key is a broken counter, not a guess: only the rest spend the budget.
      if (isAppError(e) && e.status !== 400) await limiter.noteRefusal(req);
      throw e;
    }
  });
};
