import { shell } from 'electron';

/**
 * The only sites the app may open in the system browser: the references staff and residents
 * are pointed to (data protection authority, official gazette, the State's e-office).
 * Exact origins, https only; everything else is dropped.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [
  'https://www.aepd.es',
  'https://www.boe.es',
  'https://sede.administracion.gob.es',
];

export const isAllowedExternalUrl = (
  url: string,
  allowed: readonly string[] = EXTERNAL_ORIGINS,
): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Credentials in a link are a phishing trick even on an allowed host.
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')
    return false;
  return allowed.includes(parsed.origin);
};

/** The one way to call shell.openExternal; resolves false when the URL was refused. */
export const openExternalSafely = async (url: string): Promise<boolean> => {
  if (!isAllowedExternalUrl(url)) return false;
  // Reviewed: url has passed the allow-list just above (tests/main/external-links.test.ts).
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
};
