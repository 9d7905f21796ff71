import { type Language, translate } from '../../shared/i18n';

/** Spanish unless the browser prefers English over it (Accept-Language, q order). */
export const pageLanguage = (acceptLanguage: string | undefined): Language => {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) : 1, i };
    })
    .filter((r) => (r.lang === 'es' || r.lang === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'es';
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A bridge page (not authorised, not found, wrong host name) in the browser's language. */
export const bridgePage = (
  kind: 'unauthorized' | 'notFound' | 'badHost',
  acceptLanguage: string | undefined,
  params: Record<string, string | number> = {},
): string => {
  const lang = pageLanguage(acceptLanguage);
  const title = escapeHtml(translate(lang, `bridge.${kind}.title`));
  const text = escapeHtml(translate(lang, `bridge.${kind}.text`, params));
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`;
};
