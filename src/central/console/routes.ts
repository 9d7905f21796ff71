import type { FastifyInstance } from 'fastify';
import type { CentralStore } from '../db/store';
import type { Limiter } from '../http/rate-limits';
import { errorSender } from '../http/errors';
import { createConsoleAccounts } from './accounts-service';
import { dpoRoutes } from './dpo-routes';
import type { ConsoleContext } from './guard';
import { itRoutes } from './it-routes';
import { officialRoutes } from './official-routes';
import { sessionRoutes } from './session-routes';
import { defaultConsoleDir, staticRoutes } from './static-routes';

export interface ConsoleOptions {
  readonly store: CentralStore;
  readonly now: () => Date;
  readonly limiter: Limiter;
  /** Where the built console is (out/renderer); the built CLI finds it beside itself. */
  readonly dir?: string | undefined;
  /** Idle time before a session locks (tests shorten it). */
  readonly idleMs?: number | undefined;
}

/** The web console at `/console/`: its page, and its API under `/console/api/`. */
export const consoleRoutes = (app: FastifyInstance, options: ConsoleOptions): void => {
  const { store, now, limiter } = options;
  const ctx: ConsoleContext = {
    accounts: createConsoleAccounts(store, { idleMs: options.idleMs }),
    now,
    limiter,
  };
  staticRoutes(app, options.dir ?? defaultConsoleDir(), errorSender(now));
  sessionRoutes(app, ctx);
  officialRoutes(app, ctx, store);
  itRoutes(app, ctx, store);
  dpoRoutes(app, ctx, store);
};
