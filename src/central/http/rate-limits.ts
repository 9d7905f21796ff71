import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SIGNATURE_HEADERS } from '../../shared/contract/sync';
import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import type { SendError } from './errors';
import { sha256Hex } from '../secrets';

/**
 * Requests per fixed window. Generous where legitimate traffic is heavy (a town hall's
 * counters behind one address, draining 1000-op batches after an outage), tight where only
 * an attacker goes: refused credentials.
 */
export interface RateLimits {
  readonly windowMs: number;
  /** Requests of any kind from one address. */
  readonly perIp: number;
  /** Refused signatures, staff tokens and enrolment codes from one address; past it, 429 unchecked. */
  readonly refusalsPerIp: number;
  /** Authenticated requests of one counter. */
  readonly perDevice: number;
  /** Authenticated requests with one staff token. */
  readonly perStaffToken: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 60_000,
  perIp: 12_000,
  refusalsPerIp: 30,
  perDevice: 3_000,
  perStaffToken: 1_200,
};

export type Credential = 'device' | 'staff';

export interface Limiter {
  /**
   * Sends 429 (with Retry-After) when this address spent its refusals; true when it did.
   * Otherwise the request holds one of the address's check slots until `checked` (or its
   * response ends): a check still running may yet be a refusal, so parallel checks wait
   * once those running could spend the budget.
   */
  refusalsSpent(req: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  /** Counts one refused credential against the request's address; its check is over. */
  noteRefusal(req: FastifyRequest): Promise<void>;
  /** The request's credential passed: its check slot is free for the next. */
  checked(req: FastifyRequest): void;
  /** Counts one authenticated request; sends 429 and answers true past the credential's budget. */
  overBudget(req: FastifyRequest, reply: FastifyReply, credential: Credential): Promise<boolean>;
}

const header = (req: FastifyRequest, name: string): string => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : '';
};

/**
 * 429s are counted in memory, not written one by one (a flood would then cost a write per
 * request): each window, one `rate.limited` row per throttled address with its count.
 */
export interface ThrottleAudit {
  note(ip: string): void;
}

export const throttleAudit = (
  app: FastifyInstance,
  store: CentralStore,
  now: () => Date,
  windowMs: number,
): ThrottleAudit => {
  let counts = new Map<string, { count: number; first: Date }>();
  const flush = async (): Promise<void> => {
    const done = counts;
    counts = new Map();
    for (const [ip, { count, first }] of done)
      await centralAudit(store, first, 'rate.limited', null, { ip, count, window_ms: windowMs });
  };
  const timer = setInterval(() => {
    flush().catch((err: unknown) => app.log.error({ err }, 'rate-limit audit failed'));
  }, windowMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });
  return {
    note: (ip) => {
      const seen = counts.get(ip);
      if (seen) seen.count += 1;
      else counts.set(ip, { count: 1, first: now() });
    },
  };
};

/** Every route registered after this (in a child scope) counts against its address. */
export const registerRateLimits = (
  app: FastifyInstance,
  limits: RateLimits,
  throttled: ThrottleAudit,
): void => {
  void app.register(rateLimit, {
    global: true,
    max: limits.perIp,
    timeWindow: limits.windowMs,
    hook: 'onRequest',
    onExceeded: (req) => throttled.note(req.ip),
    // Thrown: the central error handler answers it in the one error shape.
    errorResponseBuilder: (_req, context) =>
      Object.assign(new Error('rate_limited'), { statusCode: context.statusCode }),
  });
};

/** The manual limits of a scope where the plugin is loaded (see `registerRateLimits`). */
export const limiterFor = (
  scope: FastifyInstance,
  limits: RateLimits,
  fail: SendError,
  throttled: ThrottleAudit,
): Limiter => {
  const refusals = scope.createRateLimit({
    max: limits.refusalsPerIp,
    timeWindow: limits.windowMs,
  });
  const budgets: Record<Credential, ReturnType<FastifyInstance['createRateLimit']>> = {
    device: scope.createRateLimit({
      max: limits.perDevice,
      timeWindow: limits.windowMs,
      keyGenerator: (req) => header(req, SIGNATURE_HEADERS.device),
    }),
    staff: scope.createRateLimit({
      max: limits.perStaffToken,
      timeWindow: limits.windowMs,
      keyGenerator: (req) => sha256Hex(header(req, 'authorization')),
    }),
  };
  // Credential checks running per address (the refusal counter's key) and those waiting.
  const running = new Map<string, { count: number; waiting: Array<() => void> }>();
  const holding = new WeakMap<FastifyRequest, string>();
  const release = (req: FastifyRequest): void => {
    const key = holding.get(req);
    const slots = key === undefined ? undefined : running.get(key);
    if (key === undefined || !slots) return;
    holding.delete(req);
    slots.count -= 1;
    const waiting = slots.waiting.splice(0);
    if (slots.count === 0 && waiting.length === 0) running.delete(key);
    // Each waiter reads the count again: the check that ended may have spent a refusal.
    for (const wake of waiting) wake();
  };
  const tooMany = (req: FastifyRequest, reply: FastifyReply, ttlInSeconds: number) => {
    throttled.note(req.ip);
    void reply.header('retry-after', String(Math.max(1, ttlInSeconds)));
    return fail(reply, 429, 'rate_limited');
  };
  return {
    refusalsSpent: async (req, reply) => {
      for (;;) {
        const state = await refusals(req, { increment: false });
        if (state.isAllowed) return false;
        if (state.remaining === 0) {
          await tooMany(req, reply, state.ttlInSeconds);
          return true;
        }
        let slots = running.get(state.key);
        if (!slots) {
          slots = { count: 0, waiting: [] };
          running.set(state.key, slots);
        }
        if (slots.count < state.remaining) {
          slots.count += 1;
          holding.set(req, state.key);
          reply.raw.once('close', () => release(req));
          return false;
        }
        const queue = slots.waiting;
        await new Promise<void>((resolve) => queue.push(resolve));
      }
    },
    noteRefusal: async (req) => {
      await refusals(req);
      release(req);
    },
    checked: release,
    overBudget: async (req, reply, credential) => {
      const state = await budgets[credential](req);
      if (state.isAllowed || !state.isExceeded) return false;
      await tooMany(req, reply, state.ttlInSeconds);
      return true;
    },
  };
};
