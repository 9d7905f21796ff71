import { z } from 'zod';
import { Network } from '../../shared/contract/verifications';
import { ReasonText } from '../../shared/free-text';

/** What the town's integration (and `central request-verification`) sends for an online request. */
export const NewRequest = z.object({
  resident_id: z.string().min(1).max(100),
  network: Network,
  handle: z.string().min(1).max(300),
  platform_user_id: z.string().max(200).nullable().optional(),
});

export const RequestAnswer = z.object({
  id: z.string(),
  resident_id: z.string(),
  network: Network,
  handle: z.string(),
  requested_at: z.string(),
  state: z.enum(['open', 'used', 'withdrawn']),
});

export const ProofBody = z.object({ code: z.string().min(1).max(40) });
/** The same reason as at the counter (bounded, personal data masked), which records it as sent. */
export const RevokeBody = z.object({ reason: ReasonText });
export const RevokeAnswer = z.object({
  verification_id: z.string(),
  status: z.enum(['revoked', 'already_revoked']),
});
export const ProofAnswer = z.object({
  verification_id: z.string(),
  status: z.enum(['confirmed', 'already_confirmed']),
});
export const PendingProofs = z.object({
  proofs: z.array(
    z.object({
      id: z.string(),
      network: z.string(),
      handle: z.string(),
      challenge_expires_at: z.string().nullable(),
    }),
  ),
});
export const HandleAnswer = z.object({
  verified: z.boolean(),
  since: z.string().optional(),
  masked_name: z.string().optional(),
});
