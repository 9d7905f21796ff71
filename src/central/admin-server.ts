import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { isAppError } from '../shared/errors';
import { runAdminOp } from './admin-dispatch';
import { isAdminOp } from './admin-ops';
import type { CentralStore } from './db/store';

// A whole padrón travels as base64 in one request.
const MAX_ADMIN_BODY = 1536 * 1024 * 1024;

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * The running central's admin route for `ventanilla central …` commands run beside it, on its
 * own listener bound to 127.0.0.1 and behind the secret in the data folder's lock file (mode
 * 0600), so only the folder's owner on this machine reaches it. It runs `runAdminOp`, the same
 * code the CLI runs when no central is up. Errors travel as `{error: {code, params}}`.
 */
export const buildAdminServer = (options: {
  readonly store: CentralStore;
  readonly secret: string;
  readonly now?: () => Date;
  /** The same structured logs as the counters' listener: each admin request is one line. */
  readonly logLevel?: 'info' | 'warn' | 'error' | false;
}): FastifyInstance => {
  const now = options.now ?? (() => new Date());
  const expected = digest(`Bearer ${options.secret}`);
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    bodyLimit: MAX_ADMIN_BODY,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!timingSafeEqual(digest(req.headers.authorization ?? ''), expected))
      return reply.code(401).send({ error: { code: 'central_admin_refused' } });
    return undefined;
  });
  app.get('/admin/ping', async () => ({ ok: true, pid: process.pid }));
  app.post<{ Params: { op: string } }>('/admin/:op', async (req, reply) => {
    const { op } = req.params;
    if (!isAdminOp(op)) return reply.code(404).send({ error: { code: 'central_admin_refused' } });
    try {
      return { value: await runAdminOp(options.store, op, req.body, now()) };
    } catch (e) {
      if (isAppError(e)) return reply.code(e.status).send({ error: e.toShape() });
      req.log.error({ err: e }, 'admin operation failed');
      return reply.code(500).send({ error: { code: 'internal' } });
    }
  });
  return app;
};
