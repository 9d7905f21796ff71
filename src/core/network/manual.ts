import type { NetworkConnector } from './connector';
import { fromUrl, isDomain, stripAt } from './domains';

/** Networks with no open lookup: the handle's form is checked, the account by the clerk's eyes. */
export const xConnector: NetworkConnector = {
  network: 'x',
  normalize: (raw) => {
    const h = stripAt(fromUrl(raw, ['x.com', 'twitter.com', 'mobile.twitter.com']));
    return /^[A-Za-z0-9_]{1,15}$/.test(h) ? h : null;
  },
  userId: /^\d{1,20}$/,
};

export const mastodonConnector: NetworkConnector = {
  network: 'mastodon',
  normalize: (raw) => {
    const url = /^(?:https?:\/\/)?([^/\s]+)\/@([^/?#\s]+)$/i.exec(raw);
    const h = url?.[1] && url[2] ? `${url[2]}@${url[1]}` : stripAt(raw);
    const m = /^([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?)@([^@\s]+)$/.exec(h);
    if (!m?.[1] || !m[2]) return null;
    const domain = m[2].toLowerCase();
    return isDomain(domain) ? `${m[1]}@${domain}` : null;
  },
  userId: /^\d{1,20}$/,
};

export const instagramConnector: NetworkConnector = {
  network: 'instagram',
  normalize: (raw) => {
    const h = stripAt(fromUrl(raw, ['instagram.com', 'instagr.am'])).toLowerCase();
    // Instagram's rule: no dot at either end and never two in a row.
    return /^(?!\.)(?!.*\.\.)[a-z0-9._]{1,30}(?<!\.)$/.test(h) ? h : null;
  },
  userId: /^\d{1,20}$/,
};
