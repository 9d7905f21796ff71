import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { normaliseUrlPath, readStatic } from '../../core/platform/static-files';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { SendError } from '../http/errors';

/** The built console sits with the counter's renderer: out/main/cli.js → out/renderer. */
export const defaultConsoleDir = (): string =>
  fileURLToPath(new URL('../renderer', import.meta.url));

const secure = (reply: FastifyReply, type: string, cache: string): FastifyReply =>
  reply
    .header('content-type', type)
    .header('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', cache);

/** `/console/` is the console's page; `/console/assets/…` its built scripts and styles. */
export const staticRoutes = (app: FastifyInstance, dir: string, fail: SendError): void => {
  app.get('/console', async (_req, reply) => reply.redirect('/console/', 301));

  app.get('/console/', async (_req, reply) => {
    const page = await readStatic(dir, '/console.html');
    if (!page) return fail(reply, 404, 'not_found');
    return secure(reply, page.type, 'no-store').send(page.body);
  });

  app.get('/console/assets/*', async (req, reply) => {
    const rest = (req.params as { '*'?: string })['*'] ?? '';
    const path = normaliseUrlPath(`/assets/${rest}`);
    const file = path?.startsWith('/assets/') ? await readStatic(dir, path) : null;
    if (!file) return fail(reply, 404, 'not_found');
    // Built names carry their content hash: a new build is a new name.
    return secure(reply, file.type, 'public, max-age=31536000, immutable').send(file.body);
  });
};
