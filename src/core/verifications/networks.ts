import type { Network } from '../../shared/contract/verifications';
import { AppError } from '../../shared/errors';
import { connectorFor } from '../network';

export interface NormalizedHandle {
  readonly network: Network;
  /** What screens and receipts show, e.g. `@Ayto_Jun`, `@ana.bsky.social`, `@ana@mastodon.social`. */
  readonly display: string;
  /** The case-folded form that uniqueness and conflicts are decided on. */
  readonly key: string;
}

/** Validates and normalises a typed handle; throws a translated error naming the network's rule. */
export const normalizeHandle = (network: Network, raw: string): NormalizedHandle => {
  const canonical = connectorFor(network).normalize(raw.trim());
  if (!canonical) throw new AppError(`invalid_handle_${network}`, {}, 400);
  return { network, display: `@${canonical}`, key: canonical.toLowerCase() };
};

export const normalizePlatformUserId = (
  network: Network,
  raw: string | null | undefined,
): string | null => {
  const id = raw?.trim() ?? '';
  if (id === '') return null;
  if (!connectorFor(network).userId.test(id))
    throw new AppError('invalid_platform_user_id', { network }, 400);
  return id;
};
