import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { refuse } from './errors';

/** The body exactly as received (the JSON parser keeps it as text: signatures cover its hash). */
export const rawBody = (req: FastifyRequest): string =>
  typeof req.body === 'string' ? req.body : '';

/** `value` (params, query) checked with `schema`, or a 400 `invalid_request`. */
export const parsed = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const result = schema.safeParse(value);
  if (!result.success) throw refuse(400, 'invalid_request');
  return result.data;
};

/** The JSON body checked with `schema`, or a 400 `invalid_request`. */
export const jsonBody = <S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> => {
  let raw: unknown;
  try {
    raw = JSON.parse(rawBody(req));
  } catch {
    throw refuse(400, 'invalid_request');
  }
  return parsed(schema, raw);
};
