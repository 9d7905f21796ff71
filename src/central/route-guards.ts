import type { FastifyReply, FastifyRequest } from 'fastify';
import { CentralError } from '../shared/contract/sync';
import { centralAudit } from './central-audit';
import type { CentralStore } from './db/store';
import { sha256Hex } from './secrets';

export type SendError = (reply: FastifyReply, status: number, error: string) => FastifyReply;

/** Every refusal has one shape: `{error, server_time}` (the time lets a counter see its skew). */
export const errorSender =
  (now: () => Date): SendError =>
  (reply, status, error) =>
    reply.code(status).send(CentralError.parse({ error, server_time: now().toISOString() }));

/**
 * Officials' and the town integration's routes: a staff token (`central token NAME`) in
 * `Authorization: Bearer`. Answers the token's name, or sends 401 and audits the refusal.
 */
export const staffTokenGuard =
  (store: CentralStore, now: () => Date) =>
  async (req: FastifyRequest, reply: FastifyReply): Promise<string | undefined> => {
    const token = /^Bearer (\S{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
    const [row] = token
      ? await store.query<{ name: string }>(
          'SELECT name FROM staff_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
          [sha256Hex(token)],
        )
      : [];
    if (row) return row.name;
    await centralAudit(store, now(), 'token.refused', null, {
      path: req.url.split('?')[0],
      ip: req.ip,
    });
    await errorSender(now)(reply, 401, 'bad_token');
    return undefined;
  };
