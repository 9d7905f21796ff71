import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { jsonBody, parsed } from '../http/body';
import type { RouteContext } from '../http/guards';
import {
  HandleAnswer,
  NewRequest,
  PendingProofs,
  ProofAnswer,
  ProofBody,
  RequestAnswer,
  RevokeAnswer,
  RevokeBody,
} from './schemas';
import {
  confirmProof,
  createVerificationRequest,
  lookUpHandle,
  pendingProofs,
  revokeVerification,
  withdrawVerificationRequest,
} from './service';

const IdParams = z.object({ id: z.string().min(1).max(100) });
const HandleParams = z.object({
  network: z.string().min(1).max(40),
  handle: z.string().min(1).max(200),
});

/**
 * The town's social-network integration and officials, each with a staff token: online
 * requests, challenge proofs, the challenges waiting for one, revocations decided at central,
 * and the directory.
 */
export const verificationRoutes = (app: FastifyInstance, ctx: RouteContext): void => {
  const { store, now } = ctx;
  const staff = ctx.guards.staffToken;

  app.post('/v1/verifications/requests', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const made = await createVerificationRequest(store, jsonBody(NewRequest, req), by, now());
    return reply.code(201).send(RequestAnswer.parse(made));
  });

  app.delete('/v1/verifications/requests/:id', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    return withdrawVerificationRequest(store, parsed(IdParams, req.params).id, by, now());
  });

  app.get('/v1/verifications/pending-proofs', async (req, reply) => {
    if (!(await staff(req, reply))) return reply;
    return PendingProofs.parse(await pendingProofs(store, now()));
  });

  app.post('/v1/verifications/:id/proof', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const { id } = parsed(IdParams, req.params);
    const { code } = jsonBody(ProofBody, req);
    return ProofAnswer.parse(await confirmProof(store, id, code, by, now()));
  });

  app.post('/v1/verifications/:id/revoke', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const { id } = parsed(IdParams, req.params);
    const { reason } = jsonBody(RevokeBody, req);
    return RevokeAnswer.parse(await revokeVerification(store, id, reason, by, now()));
  });

  app.get('/v1/handles/:network/:handle', async (req, reply) => {
    const official = await staff(req, reply);
    if (!official) return reply;
    const { network, handle } = parsed(HandleParams, req.params);
    return HandleAnswer.parse(await lookUpHandle(store, network, handle, official, now()));
  });
};
