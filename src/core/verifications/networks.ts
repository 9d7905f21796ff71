import type { Network } from '../../shared/contract/verifications';
import { AppError } from '../../shared/errors';

export interface NormalizedHandle {
  readonly network: Network;
  /** What screens and receipts show, e.g. `@Ayto_Jun`, `@ana.bsky.social`, `@ana@mastodon.social`. */
  readonly display: string;
  /** The case-folded form that uniqueness and conflicts are decided on. */
  readonly key: string;
}

interface NetworkDef {
  /** Returns the canonical handle (without the leading `@`), or null when it is not valid. */
  readonly normalize: (raw: string) => string | null;
  readonly userId: RegExp;
}

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const isDomain = (s: string): boolean => {
  const labels = s.split('.');
  return (
    s.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => DOMAIN_LABEL.test(l)) &&
    !/^\d+$/.test(labels.at(-1) ?? '')
  );
};

/** Clerks paste profile links as often as handles: keep only the path's first segment. */
const fromUrl = (raw: string, hosts: readonly string[]): string => {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/\s]+)\/([^/?#\s]+)/i.exec(raw);
  return m?.[1] && m[2] && hosts.includes(m[1].toLowerCase()) ? m[2] : raw;
};

const stripAt = (s: string): string => s.replace(/^@/, '');

const registry: Record<Network, NetworkDef> = {
  x: {
    normalize: (raw) => {
      const h = stripAt(fromUrl(raw, ['x.com', 'twitter.com', 'mobile.twitter.com']));
      return /^[A-Za-z0-9_]{1,15}$/.test(h) ? h : null;
    },
    userId: /^\d{1,20}$/,
  },
  bluesky: {
    normalize: (raw) => {
      const url = /^(?:https?:\/\/)?bsky\.app\/profile\/([^/?#\s]+)/i.exec(raw);
      const h = stripAt(url?.[1] ?? raw).toLowerCase();
      // A bare name is a bsky.social account, which is how residents say it.
      const full = h.includes('.') ? h : `${h}.bsky.social`;
      return isDomain(full) ? full : null;
    },
    userId: /^did:(?:plc|web):[a-z0-9._:%-]{1,200}$/,
  },
  mastodon: {
    normalize: (raw) => {
      const url = /^(?:https?:\/\/)?([^/\s]+)\/@([^/?#\s]+)$/i.exec(raw);
      const h = url?.[1] && url[2] ? `${url[2]}@${url[1]}` : stripAt(raw);
      const m = /^([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?)@([^@\s]+)$/.exec(h);
      if (!m?.[1] || !m[2]) return null;
      const domain = m[2].toLowerCase();
      return isDomain(domain) ? `${m[1]}@${domain}` : null;
    },
    userId: /^\d{1,20}$/,
  },
  instagram: {
    normalize: (raw) => {
      const h = stripAt(fromUrl(raw, ['instagram.com', 'instagr.am'])).toLowerCase();
      // Instagram's rule: no dot at either end and never two in a row.
      return /^(?!\.)(?!.*\.\.)[a-z0-9._]{1,30}(?<!\.)$/.test(h) ? h : null;
    },
    userId: /^\d{1,20}$/,
  },
};

/** Validates and normalises a typed handle; throws a translated error naming the network's rule. */
export const normalizeHandle = (network: Network, raw: string): NormalizedHandle => {
  const canonical = registry[network].normalize(raw.trim());
  if (!canonical) throw new AppError(`invalid_handle_${network}`, {}, 400);
  return { network, display: `@${canonical}`, key: canonical.toLowerCase() };
};

export const normalizePlatformUserId = (
  network: Network,
  raw: string | null | undefined,
): string | null => {
  const id = raw?.trim() ?? '';
  if (id === '') return null;
  if (!registry[network].userId.test(id))
    throw new AppError('invalid_platform_user_id', { network }, 400);
  return id;
};
