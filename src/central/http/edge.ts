import type { FastifyInstance } from 'fastify';
import { answerErrors, type SendError } from './errors';

// A NUL in a URL, raw or percent-encoded: no id, handle or network holds one, and PostgreSQL
// text cannot store it.
const URL_NUL = /%00|\0/;
// `\u0000` at the body's own JSON level (an odd run of backslashes before it). Inside an op's
// payload text it is escaped once more and left to that op's applier, which refuses it alone.
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

/**
 * What every request passes before its route, and how every failure is answered: in the one
 * `{error, server_time}` shape (see `answerErrors`).
 */
export const guardEdge = (app: FastifyInstance, fail: SendError): void => {
  app.addHook('preValidation', async (req, reply) => {
    const body = typeof req.body === 'string' ? req.body : '';
    if (URL_NUL.test(req.url) || body.includes('\0') || JSON_NUL.test(body)) {
      return fail(reply, 400, 'invalid_request');
    }
    return undefined;
  });
  answerErrors(app, fail);
  app.setNotFoundHandler((_req, reply) => fail(reply, 404, 'not_found'));
};
