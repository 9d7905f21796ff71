import type { Network } from '../../shared/contract/verifications';
import { blueskyConnector } from './bluesky';
import type { NetworkConnector } from './connector';
import { instagramConnector, mastodonConnector, xConnector } from './manual';

/** The connector for a network; Bluesky's is built per call so its endpoints follow the env. */
export const connectorFor = (network: Network): NetworkConnector => {
  switch (network) {
    case 'bluesky':
      return blueskyConnector();
    case 'x':
      return xConnector;
    case 'mastodon':
      return mastodonConnector;
    case 'instagram':
      return instagramConnector;
  }
};

export type { AccountLookup, AccountProfile, AccountStatus, CodeSearch } from './connector';
export { codesIn } from './connector';
export { blueskyConnector, blueskyEndpoints } from './bluesky';
export { boundedFetch } from './bluesky-http';
