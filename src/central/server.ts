import Fastify, { type FastifyInstance } from 'fastify';
import type { CentralDevice, OpAppliers } from './sync/appliers';
import { attachmentRoutes } from './attachments/routes';
import { blueskyRoutes } from './bluesky/routes';
import { type ConsoleOptions, consoleRoutes } from './console/routes';
import type { CentralStore } from './db/store';
import { guardEdge } from './http/edge';
import { deviceRoutes } from './devices/routes';
import { enrolmentRoutes } from './enrolment/routes';
import { syncRoutes } from './sync/routes';
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
import { verificationRoutes } from './verifications/routes';
import { privacyRoutes } from './privacy/routes';

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

  syncRoutes(app, ctx, options);

  enrolmentRoutes(app, ctx);

  attachmentRoutes(app, ctx);

  blueskyRoutes(app, ctx);
  verificationRoutes(app, ctx);

  privacyRoutes(app, { store, now, guards });

  consoleRoutes(app, { store, now, limiter, ...options.console });

  deviceRoutes(app, ctx);
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
