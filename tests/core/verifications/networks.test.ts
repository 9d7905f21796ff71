import { describe, expect, it } from 'vitest';
import { normalizeHandle, normalizePlatformUserId } from '../../../src/core/verifications/networks';
import type { Network } from '../../../src/shared/contract/verifications';

const ok: [Network, string, string, string][] = [
  ['x', '@Ayto_Jun', '@Ayto_Jun', 'ayto_jun'],
  ['x', 'ayto_jun', '@ayto_jun', 'ayto_jun'],
  ['x', 'https://x.com/Ayto_Jun', '@Ayto_Jun', 'ayto_jun'],
  ['x', 'twitter.com/a', '@a', 'a'],
  ['x', '@abcdefghijklmno', '@abcdefghijklmno', 'abcdefghijklmno'],
  ['bluesky', '@Ana.bsky.social', '@ana.bsky.social', 'ana.bsky.social'],
  ['bluesky', 'ana', '@ana.bsky.social', 'ana.bsky.social'],
  ['bluesky', 'https://bsky.app/profile/jun.es', '@jun.es', 'jun.es'],
  ['mastodon', '@Ana@Mastodon.Social', '@Ana@mastodon.social', 'ana@mastodon.social'],
  ['mastodon', 'https://mastodon.social/@ana_g', '@ana_g@mastodon.social', 'ana_g@mastodon.social'],
  ['instagram', '@Ana.Garcia_80', '@ana.garcia_80', 'ana.garcia_80'],
  ['instagram', 'https://instagram.com/ayto.jun', '@ayto.jun', 'ayto.jun'],
];

const bad: [Network, string][] = [
  ['x', '@'],
  ['x', '@abcdefghijklmnop'],
  ['x', '@ana-garcia'],
  ['x', '@ana garcia'],
  ['bluesky', '@-ana.bsky.social'],
  ['bluesky', 'ana..bsky.social'],
  ['bluesky', 'ana.123'],
  ['mastodon', '@ana'],
  ['mastodon', 'ana@localhost'],
  ['mastodon', 'ana@@mastodon.social'],
  ['instagram', '@' + 'a'.repeat(31)],
  ['instagram', '@ana-garcia'],
  ['instagram', '.ana'],
  ['instagram', 'ana.'],
  ['instagram', 'ana..g'],
  ['instagram', 'https://instagram.com/ana..g'],
];

describe('networks registry', () => {
  it.each(ok)('%s accepts %s as %s', (network, raw, display, key) => {
    expect(normalizeHandle(network, raw)).toEqual({ network, display, key });
  });

  it.each(bad)('%s refuses %s with its own rule', (network, raw) => {
    expect(() => normalizeHandle(network, raw)).toThrow(`invalid_handle_${network}`);
  });

  it('checks platform user ids per network and treats blank as none', () => {
    expect(normalizePlatformUserId('x', ' 783214 ')).toBe('783214');
    expect(normalizePlatformUserId('x', '')).toBeNull();
    expect(normalizePlatformUserId('bluesky', 'did:plc:z72i7hdynmk6r22z27h6tvur')).toBe(
      'did:plc:z72i7hdynmk6r22z27h6tvur',
    );
    expect(() => normalizePlatformUserId('x', '12ab')).toThrow('invalid_platform_user_id');
    expect(() => normalizePlatformUserId('bluesky', '12345')).toThrow('invalid_platform_user_id');
  });
});
