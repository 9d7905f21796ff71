const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name of at least two labels whose last one is not all digits. */
export const isDomain = (s: string): boolean => {
  const labels = s.split('.');
  return (
    s.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => DOMAIN_LABEL.test(l)) &&
    !/^\d+$/.test(labels.at(-1) ?? '')
  );
};

/** Clerks paste profile links as often as handles: keep only the path's first segment. */
export const fromUrl = (raw: string, hosts: readonly string[]): string => {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/\s]+)\/([^/?#\s]+)/i.exec(raw);
  return m?.[1] && m[2] && hosts.includes(m[1].toLowerCase()) ? m[2] : raw;
};

export const stripAt = (s: string): string => s.replace(/^@/, '');
