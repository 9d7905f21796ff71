import type { Session, WebContents } from 'electron';
import { openExternalSafely } from './external-links';
import { APP_HOST, APP_SCHEME } from './protocol';

/** Where the renderer comes from: the dev server in development, else app:// over the built folder. */
export interface AppOrigin {
  readonly devServerUrl: string | undefined;
  readonly rendererDir: string;
}

export const isTrustedUrl = (origin: AppOrigin, url: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devServerUrl) return parsed.origin === new URL(origin.devServerUrl).origin;
  // Nothing else is trusted, file:// included.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
};

/**
 * No navigation away from the app and no new windows, ever. A link to an allow-listed
 * site opens in the system browser instead.
 */
export const lockNavigation = (contents: WebContents, origin: AppOrigin): void => {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(origin, url)) return;
    event.preventDefault();
    void openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(origin, url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
};

/** Only the webcam (`media`) and only for the app itself. */
export const restrictPermissions = (session: Session, origin: AppOrigin): void => {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'media' && isTrustedUrl(origin, details.requestingUrl));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, _requestingOrigin, details) =>
      permission === 'media' && isTrustedUrl(origin, details.requestingUrl ?? ''),
  );
};
