import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../shared/errors';
import type { CentralDevice } from '../sync/appliers';
import { auditRefusal } from '../audit/store';
import type { CentralStore } from '../db/store';
import { authenticateDevice } from '../devices/service';
import { scopeOfRoute } from '../staff-tokens/scopes';
import { staffTokenFor } from '../staff-tokens/service';
import { rawBody } from './body';
import { errorSender } from './errors';
import type { Limiter } from './rate-limits';

export interface Guards {
  /** The counter that signed the request; otherwise sends 401/403 (or 429) and answers undefined. */
  device(req: FastifyRequest, reply: FastifyReply): Promise<CentralDevice | undefined>;
  /**
   * Officials' and the town integration's routes: a staff token (`central token NAME`) in
   * `Authorization: Bearer`. Answers the token's name, or sends 401 (or 429) and audits.
   */
  staffToken(req: FastifyRequest, reply: FastifyReply): Promise<string | undefined>;
}

/** What every feature's routes receive from the server. */
export interface RouteContext {
  readonly store: CentralStore;
  readonly now: () => Date;
  readonly guards: Guards;
  readonly limiter: Limiter;
}

/**
 * Credential checks, each behind the address's refusal budget (a spent address is answered
 * 429 before any check) and, once it passes, the credential's own request budget.
 */
export const routeGuards = (store: CentralStore, now: () => Date, limiter: Limiter): Guards => {
  const fail = errorSender(now);
  return {
    device: async (req, reply) => {
      if (await limiter.refusalsSpent(req, reply)) return undefined;
      let device: CentralDevice;
      try {
        device = await authenticateDevice(
          store,
          {
            method: req.method,
            url: req.url,
            headers: req.headers,
            body: rawBody(req),
            ip: req.ip,
          },
          now(),
        );
      } catch (e) {
        if (!isAppError(e)) throw e;
        await limiter.noteRefusal(req);
        await fail(reply, e.status, e.code);
        return undefined;
      }
      limiter.checked(req);
      if (await limiter.overBudget(req, reply, 'device')) return undefined;
      return device;
    },
    staffToken: async (req, reply) => {
      if (await limiter.refusalsSpent(req, reply)) return undefined;
      const token = /^Bearer (\S{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
      const found = token ? await staffTokenFor(store, token) : undefined;
      if (!found) {
        await limiter.noteRefusal(req);
        await auditRefusal(store, now(), 'token.refused', null, {
          path: req.url.split('?')[0],
          ip: req.ip,
        });
        await fail(reply, 401, 'bad_token');
        return undefined;
      }
      limiter.checked(req);
      // A token made for some route families only (`central token NAME --scope …`).
      const needed = scopeOfRoute(req.routeOptions.url ?? '');
      if (found.scopes && (!needed || !found.scopes.includes(needed))) {
        await auditRefusal(store, now(), 'token.refused', null, {
          path: req.url.split('?')[0],
          ip: req.ip,
          reason: 'scope',
        });
        await fail(reply, 403, 'scope_forbidden');
        return undefined;
      }
      if (await limiter.overBudget(req, reply, 'staff')) return undefined;
      return found.name;
    },
  };
};
