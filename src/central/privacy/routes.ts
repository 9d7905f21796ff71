import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CentralPrivacyExport } from '../../shared/contract/privacy-central';
import { type Language, translate } from '../../shared/i18n';
import { renderExportPdf } from '../../core/privacy/export-pdf';
import type { CentralStore } from '../db/store';
import type { Guards } from '../http/guards';
import { refuse } from '../http/errors';
import { eraseInStore, exportAtCentral } from './service';

/** The resident's copy of central's part, with the counter's PDF layout. */
export const renderCentralExportPdf = (data: CentralPrivacyExport, lang: Language) =>
  renderExportPdf(data, translate(lang, 'privacy.central.pdfAuthor'), lang);

const Params = z.object({ id: z.string().trim().min(1).max(64) });
const EraseBody = z.object({ confirm: z.string().trim().min(1).max(64) });

/**
 * The town's data-protection tooling at central (staff token, like the directory): export of
 * what central holds about a resident, as JSON or PDF, and its erasure with the id typed again.
 */
export const privacyRoutes = (
  app: FastifyInstance,
  options: { readonly store: CentralStore; readonly now: () => Date; readonly guards: Guards },
): void => {
  const { store, now, guards } = options;
  const residentOf = (params: unknown): string => {
    const parsed = Params.safeParse(params);
    if (!parsed.success) throw refuse(400, 'invalid_request');
    return parsed.data.id;
  };

  app.get('/v1/privacy/residents/:id', async (req, reply) => {
    const by = await guards.staffToken(req, reply);
    if (!by) return reply;
    return exportAtCentral(store, residentOf(req.params), by, now());
  });

  app.get('/v1/privacy/residents/:id/pdf', async (req, reply) => {
    const by = await guards.staffToken(req, reply);
    if (!by) return reply;
    const data = await exportAtCentral(store, residentOf(req.params), by, now());
    return reply.type('application/pdf').send(await renderCentralExportPdf(data, 'es'));
  });

  app.post('/v1/privacy/residents/:id/erase', async (req, reply) => {
    const by = await guards.staffToken(req, reply);
    if (!by) return reply;
    const id = residentOf(req.params);
    let confirm: unknown;
    try {
      confirm = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch {
      throw refuse(400, 'invalid_request');
    }
    const body = EraseBody.safeParse(confirm);
    if (!body.success || body.data.confirm !== id) throw refuse(400, 'invalid_request');
    return eraseInStore(store, id, by, now());
  });
};
