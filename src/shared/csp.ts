/**
 * Builds a page's Content-Security-Policy: its own scripts, styles, fonts and requests only, no
 * plug-ins, no forms posted elsewhere, never framed; each page adds only what it needs beyond.
 */
const contentSecurityPolicy = (extra: {
  readonly img: string;
  readonly media?: string;
  readonly frame?: string;
}): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${extra.img}`,
    ...(extra.media ? [`media-src ${extra.media}`] : []),
    "connect-src 'self'",
    ...(extra.frame ? [`frame-src ${extra.frame}`] : []),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The renderer's policy, sent by both servers of the UI (the app:// protocol and the
 * browser-mode bridge). No inline or eval'd script; the webcam needs media blobs, and printing
 * a PDF in the browser needs a frame of a blob: URL the page made itself.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  img: "'self' data: blob:",
  media: "'self' blob: mediastream:",
  frame: 'blob:',
});

/**
 * Central's console: nothing beyond the base, so requests go only to central itself (the
 * session token travels in a header, never a cookie).
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ img: "'self' data:" });
