import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CentralDevice, OpAppliers } from './sync/appliers';
import { attachmentRoutes } from './attachments/routes';
import { type ConsoleOptions, consoleRoutes } from './console/routes';
import { centralAudit } from './audit/store';
import type { CentralStore } from './db/store';
import { guardEdge } from './http/edge';
import { deviceRoutes } from './devices/routes';
import { enrolmentRoutes } from './enrolment/routes';
import { syncRoutes } from './sync/routes';
import { directoryHandle } from './appliers/verifications';
import {
  DEFAULT_RATE_LIMITS,
  limiterFor,
  type RateLimits,
  registerRateLimits,
  type ThrottleAudit,
  throttleAudit,
} from './http/rate-limits';
import { errorSender } from './http/errors';
import { routeGuards } from './http/guards';
import { verificationRoutes } from './verification-routes';

export interface CentralOptions {
  readonly store: CentralStore;
  readonly appliers: OpAppliers;
  readonly now?: () => Date;
  /** Structured JSON logs (pino, through Fastify) at this level; false for none. */
  readonly logLevel?: 'info' | 'warn' | 'error' | false;
  /** Called after a push commits and before its reply is sent (fault injection in chaos runs). */
  readonly afterPushCommit?: (device: CentralDevice) => Promise<void>;
  /** Overrides of the default request budgets (see `rate-limits.ts`). */
  readonly rateLimits?: Partial<RateLimits>;
  /** Where the built web console is, and its idle lock (defaults: beside the CLI, 10 min). */
  readonly console?: Pick<ConsoleOptions, 'dir' | 'idleMs'>;
}

const MAX_BODY = 4 * 1024 * 1024;
const HandleParams = z.object({
  network: z.string().min(1).max(40),
  handle: z.string().min(1).max(200),
});
const HandleAnswer = z.object({
  verified: z.boolean(),
  since: z.string().optional(),
  masked_name: z.string().optional(),
});

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

/** Every route; `app` is the scope where the rate-limit plugin is loaded. */
const routes = (
  app: FastifyInstance,
  options: CentralOptions,
  limits: RateLimits,
  throttled: ThrottleAudit,
): void => {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const fail = errorSender(now);
  const limiter = limiterFor(app, limits, fail, throttled);
  const guards = routeGuards(store, now, limiter);
  const ctx = { store, now, guards, limiter };

  const { staffToken } = guards;

  syncRoutes(app, ctx, options);

  enrolmentRoutes(app, ctx);

  attachmentRoutes(app, ctx);

  verificationRoutes(app, { store, now, guards });

  consoleRoutes(app, { store, now, limiter, ...options.console });

  deviceRoutes(app, ctx);

  app.get('/v1/handles/:network/:handle', async (req, reply) => {
    const official = await staffToken(req, reply);
    if (!official) return reply;
    const params = HandleParams.safeParse(req.params);
    if (!params.success) return fail(reply, 400, 'invalid_request');
    const { network, handle } = params.data;
    const [row] = await store.query<{ masked_name: string; verified_since: Date }>(
      `SELECT masked_name, verified_since FROM handles WHERE network = $1 AND handle = $2
         AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)`,
      [network.toLowerCase(), directoryHandle(network, handle), now().toISOString()],
    );
    // Who asked about whom is itself personal data worth an audit trail.
    await centralAudit(store, now(), 'directory.lookup', null, {
      official,
      network,
      handle,
      found: Boolean(row),
    });
    return HandleAnswer.parse(
      row
        ? { verified: true, since: iso(row.verified_since), masked_name: row.masked_name }
        : { verified: false },
    );
  });
};

/** The central service. Routes validate input and output with zod; bodies are hashed as received. */
export const buildCentral = (options: CentralOptions): FastifyInstance => {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    bodyLimit: MAX_BODY,
  });
  // Keep the exact bytes: the signature covers their hash.
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_BODY },
    (_req, body, done) => done(null, body),
  );

  const fail = errorSender(now);
  guardEdge(app, fail);
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const throttled = throttleAudit(app, store, now, limits.windowMs);
  registerRateLimits(app, limits, throttled);
  // Routes live in a scope registered after the limiter plugin, so its per-address hook covers them.
  void app.register(async (scope) => routes(scope, options, limits, throttled));
  return app;
};
