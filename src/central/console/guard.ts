import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../shared/errors';
import type { Limiter } from '../http/rate-limits';
import type { ConsoleAccounts, ConsoleSession } from './accounts-service';
import type { ConsoleRole } from './accounts-store';
import { refuse } from '../http/errors';

/** What each role's screens may call; a DPO (the town's manager) also looks handles up. */
export const ROLE_AREAS = {
  directory: ['official', 'dpo'],
  requests: ['official'],
  devices: ['it'],
  register: ['it'],
  forms: ['it'],
  conflicts: ['dpo'],
  proofs: ['dpo'],
  revocations: ['dpo'],
  audit: ['dpo'],
} as const satisfies Record<string, readonly ConsoleRole[]>;
export type ConsoleArea = keyof typeof ROLE_AREAS;

export const areasOf = (role: ConsoleRole): ConsoleArea[] =>
  (Object.keys(ROLE_AREAS) as ConsoleArea[]).filter((a) =>
    (ROLE_AREAS[a] as readonly ConsoleRole[]).includes(role),
  );

export interface ConsoleContext {
  readonly accounts: ConsoleAccounts;
  readonly now: () => Date;
  readonly limiter: Limiter;
}

/** Refusals as `{error, params?, server_time}`: the console words each from its code. */
export const sendError = (reply: FastifyReply, now: Date, e: unknown): FastifyReply => {
  if (!isAppError(e)) throw e;
  return reply.code(e.status).send({
    error: e.code,
    ...(e.params && Object.keys(e.params).length > 0 ? { params: e.params } : {}),
    server_time: now.toISOString(),
  });
};

const bearer = (req: FastifyRequest): string | undefined =>
  /^Bearer (\S{20,100})$/.exec(req.headers.authorization ?? '')?.[1];

/**
 * The signed-in person behind a console request. A missing or ended session counts against
 * the address's refusal budget like a bad token; a locked one answers 423 until unlocked.
 */
export const consoleSession = async (
  ctx: ConsoleContext,
  req: FastifyRequest,
  options: {
    readonly area?: ConsoleArea;
    readonly allowLocked?: boolean;
    readonly touch?: boolean;
  },
): Promise<ConsoleSession> => {
  const token = bearer(req);
  let session: ConsoleSession;
  try {
    if (!token) throw refuse(401, 'session_invalid');
    session = await ctx.accounts.session(token, ctx.now(), options.touch ?? true);
  } catch (e) {
    await ctx.limiter.noteRefusal(req);
    throw e;
  }
  ctx.limiter.checked(req);
  if (session.locked && !options.allowLocked) throw refuse(423, 'session_locked');
  if (options.area && !areasOf(session.account.role).includes(options.area))
    throw refuse(403, 'role_forbidden');
  return session;
};

/**
 * One console route: the address's refusal budget first, then the handler; an AppError becomes
 * the refusal, anything else stays a 500 for Fastify's logger.
 */
export const handle =
  <T>(ctx: ConsoleContext, fn: (req: FastifyRequest, reply: FastifyReply) => Promise<T>) =>
  async (req: FastifyRequest, reply: FastifyReply): Promise<T | FastifyReply> => {
    if (await ctx.limiter.refusalsSpent(req, reply)) return reply;
    try {
      return await fn(req, reply);
    } catch (e) {
      return sendError(reply, ctx.now(), e);
    }
  };
