/**
 * The renderer's Content-Security-Policy, sent by both servers of the UI (the app:// protocol
 * and the browser-mode bridge). No inline or eval'd script; the webcam needs media blobs, and
 * printing a PDF in the browser needs a frame of a blob: URL the page made itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  'frame-src blob:',
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
