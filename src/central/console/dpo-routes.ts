import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Network } from '../../shared/contract/verifications';
import { ReasonText } from '../../shared/free-text';
import { languages } from '../../shared/i18n/define';
import type { CentralStore } from '../db/store';
import { MAX_PROOF_MISSES } from '../verifications/rules';
import { confirmProof, revokeVerification } from '../verifications/service';
import { type AuditFilter, consoleStore } from './console-store';
import { lookUpRecords } from './directory-service';
import { auditCsvAtCentral, resolveConflict } from './dpo-service';
import { jsonBody, parsed } from '../http/body';
import { type ConsoleContext, consoleSession, handle } from './guard';

const IdParams = z.object({ id: z.string().min(1).max(200) });
const Search = z.object({ q: z.string().trim().max(300).optional() });
const Resolve = z.object({ decision: z.enum(['transfer', 'reject']), reason: ReasonText });
const Proof = z.object({ code: z.string().trim().min(1).max(40) });
const Revoke = z.object({ reason: ReasonText });
const HandleQuery = z.object({ q: z.string().trim().min(1).max(300), network: Network.optional() });
const AuditQuery = z.object({
  action: z.string().trim().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  text: z.string().trim().max(200).optional(),
  before_id: z.coerce.number().int().positive().optional(),
  lang: z.enum(languages).default('es'),
});
const PAGE = 100;
const EXPORT_ROWS = 50_000;

const DAY_MS = 86_400_000;
const filterOf = (q: z.infer<typeof AuditQuery>, limit: number): AuditFilter => ({
  action: q.action || undefined,
  from: q.from,
  // The day typed is included whole.
  to: q.to ? new Date(Date.parse(q.to) + DAY_MS).toISOString() : undefined,
  text: q.text || undefined,
  beforeId: q.before_id,
  limit,
});

/** The DPO's screens: conflicts, pending proofs, revocations with a reason, the audit log. */
export const dpoRoutes = (app: FastifyInstance, ctx: ConsoleContext, store: CentralStore): void => {
  app.get(
    '/console/api/conflicts',
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'conflicts' });
      return { conflicts: await consoleStore.conflicts(store, parsed(Search, req.query).q) };
    }),
  );

  app.post(
    '/console/api/conflicts/:id/resolve',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { area: 'conflicts' });
      const { id } = parsed(IdParams, req.params);
      const { decision, reason } = jsonBody(Resolve, req);
      return resolveConflict(store, id, decision, reason, s.account.username, ctx.now());
    }),
  );

  app.get(
    '/console/api/proofs',
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'proofs' });
      return { proofs: await consoleStore.pendingProofs(store, ctx.now(), MAX_PROOF_MISSES) };
    }),
  );

  app.post(
    '/console/api/proofs/:id',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { area: 'proofs' });
      const { id } = parsed(IdParams, req.params);
      const { code } = jsonBody(Proof, req);
      return confirmProof(store, id, code, s.account.username, ctx.now());
    }),
  );

  app.get(
    '/console/api/verifications',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { area: 'revocations' });
      const { q, network } = parsed(HandleQuery, req.query);
      return {
        verifications: await lookUpRecords(store, q, network, s.account.username, ctx.now()),
      };
    }),
  );

  app.post(
    '/console/api/verifications/:id/revoke',
    handle(ctx, async (req) => {
      const s = await consoleSession(ctx, req, { area: 'revocations' });
      const { id } = parsed(IdParams, req.params);
      const { reason } = jsonBody(Revoke, req);
      return revokeVerification(store, id, reason, s.account.username, ctx.now());
    }),
  );

  app.get(
    '/console/api/audit',
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'audit' });
      const q = parsed(AuditQuery, req.query);
      return {
        entries: await consoleStore.audit(store, filterOf(q, PAGE)),
        actions: await consoleStore.auditActions(store),
      };
    }),
  );

  app.get(
    '/console/api/audit/export',
    handle(ctx, async (req, reply) => {
      await consoleSession(ctx, req, { area: 'audit' });
      const q = parsed(AuditQuery, req.query);
      const csv = await auditCsvAtCentral(store, filterOf(q, EXPORT_ROWS), q.lang);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="central-audit.csv"')
        .send(csv);
    }),
  );
};
