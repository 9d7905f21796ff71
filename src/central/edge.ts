import type { FastifyError, FastifyInstance } from 'fastify';
import type { SendError } from './route-guards';

// A NUL in a URL, raw or percent-encoded: no id, handle or network holds one, and PostgreSQL
// text cannot store it.
const URL_NUL = /%00|\0/;
// `\u0000` at the body's own JSON level (an odd run of backslashes before it). Inside an op's
// payload text it is escaped once more and left to that op's applier, which refuses it alone.
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

const CLIENT_ERRORS: Readonly<Record<number, string>> = {
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * What every request passes before its route, and how every failure is answered: in the one
 * `{error, server_time}` shape, with a code and never an exception's text (a database's error
 * message names tables and values). 5xx details go to the log only.
 */
export const guardEdge = (app: FastifyInstance, fail: SendError): void => {
  app.addHook('preValidation', async (req, reply) => {
    const body = typeof req.body === 'string' ? req.body : '';
    if (URL_NUL.test(req.url) || body.includes('\0') || JSON_NUL.test(body)) {
      return fail(reply, 400, 'invalid_request');
    }
    return undefined;
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500 || status < 400) {
      req.log.error({ err }, 'request failed');
      return fail(reply, 500, 'internal');
    }
    return fail(reply, status, CLIENT_ERRORS[status] ?? 'invalid_request');
  });
  app.setNotFoundHandler((_req, reply) => fail(reply, 404, 'not_found'));
};
