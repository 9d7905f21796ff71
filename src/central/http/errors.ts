import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { CentralErrorCode } from '../../shared/contract/central-errors';
import { CentralRefusalBody } from '../../shared/contract/sync';
import { AppError, isAppError } from '../../shared/errors';

/**
 * A refusal central sends to counters and the town's integration: an `AppError` whose code is
 * one of the closed list counters translate (`errors.sync_<code>`).
 */
export const refuse = (status: number, code: CentralErrorCode): AppError =>
  new AppError(code, {}, status);

export type SendError = (reply: FastifyReply, status: number, error: string) => FastifyReply;

/** Every refusal has one shape: `{error, server_time}` (the time lets a counter see its skew). */
export const errorSender =
  (now: () => Date): SendError =>
  (reply, status, error) =>
    reply.code(status).send(CentralRefusalBody.parse({ error, server_time: now().toISOString() }));

// Fastify's own refusals (routing, body parsing, the per-address limit), by status.
const CLIENT_ERRORS: Readonly<Record<number, string>> = {
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * The one error hook: an `AppError` thrown by a route or a service is answered with its code and
 * status; Fastify's own errors by their status; anything else as `internal`, never with an
 * exception's text (a database's error message names tables and values), which goes to the log.
 */
export const answerErrors = (app: FastifyInstance, fail: SendError): void => {
  app.setErrorHandler<FastifyError | AppError>((err, req, reply) => {
    if (isAppError(err)) {
      if (err.status >= 500) req.log.error({ err }, 'request failed');
      return fail(reply, err.status, err.code);
    }
    const status = err.statusCode ?? 500;
    if (status >= 500 || status < 400) {
      req.log.error({ err }, 'request failed');
      return fail(reply, 500, 'internal');
    }
    return fail(reply, status, CLIENT_ERRORS[status] ?? 'invalid_request');
  });
};
