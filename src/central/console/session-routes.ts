import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Password } from '../../shared/contract/staff';
import { isAppError } from '../../shared/errors';
import type { ConsoleSession } from './accounts-service';
import { jsonBody } from '../http/body';
import { areasOf, type ConsoleContext, consoleSession, handle } from './guard';

const SignIn = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
const Unlock = z.object({ password: z.string().min(1).max(256) });
const ChangePassword = z.object({ current: z.string().min(1).max(256), next: Password });

/** What the console needs to draw itself: who, which screens, and when it locks. */
const sessionAnswer = (ctx: ConsoleContext, s: Pick<ConsoleSession, 'account' | 'locked'>) => ({
  account: s.account,
  areas: areasOf(s.account.role),
  locked: s.locked,
  idle_ms: ctx.accounts.idleMs,
});

/** Sign-in, the session's state, idle lock and unlock, sign-out and the own password. */
export const sessionRoutes = (app: FastifyInstance, ctx: ConsoleContext): void => {
  app.post(
    '/console/api/session',
    handle(ctx, async (req) => {
      const input = jsonBody(SignIn, req);
      try {
        const { token, account } = await ctx.accounts.signIn(
          input.username,
          input.password,
          ctx.now(),
          req.ip,
        );
        ctx.limiter.checked(req);
        return { token, ...sessionAnswer(ctx, { account, locked: false }) };
      } catch (e) {
        if (isAppError(e)) await ctx.limiter.noteRefusal(req);
        throw e;
      }
    }),
  );

  // A status poll: it sees an idle lock set, and is not itself activity.
  app.get(
    '/console/api/session',
    handle(ctx, async (req) =>
      sessionAnswer(ctx, await consoleSession(ctx, req, { allowLocked: true, touch: false })),
    ),
  );

  app.post(
    '/console/api/session/lock',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { allowLocked: true, touch: false });
      await ctx.accounts.lock(s, ctx.now());
      return sessionAnswer(ctx, { ...s, locked: true });
    }),
  );

  app.post(
    '/console/api/session/unlock',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { allowLocked: true, touch: false });
      await ctx.accounts.unlock(s, jsonBody(Unlock, req).password, ctx.now(), req.ip);
      return sessionAnswer(ctx, { ...s, locked: false });
    }),
  );

  app.delete(
    '/console/api/session',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { allowLocked: true, touch: false });
      await ctx.accounts.signOut(s, ctx.now());
      return { signed_out: true };
    }),
  );

  app.post(
    '/console/api/password',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, {});
      const input = jsonBody(ChangePassword, req);
      await ctx.accounts.changePassword(s, input.current, input.next, ctx.now(), req.ip);
      return { changed: true };
    }),
  );
};
