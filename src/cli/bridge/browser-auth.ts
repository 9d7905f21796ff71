import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokensEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The one browser that opened the launch address, and the staff session it holds. */
interface Browser {
  readonly cookie: string;
  session: string | undefined;
}

export interface BrowserAuth {
  /**
   * The launch token from the page's address, exchanged once: the first valid one gets the
   * Set-Cookie header value; a second use, or a wrong token, gets null.
   */
  exchange(token: string): string | null;
  /** The browser whose cookie came with this request, if any. */
  browserOf(req: IncomingMessage): Browser | undefined;
  /** Scripts (benchmarks, tests) send the launch token itself as a bearer token. */
  isBearer(req: IncomingMessage): boolean;
}

/**
 * Browser-mode access. The page's launch token is traded for an HttpOnly, SameSite=Strict
 * cookie, so it never stays in the address bar or in page scripts, and a reload keeps working.
 * Browsers do not separate cookies by port, so the name carries it.
 */
export const browserAuth = (token: string, port: () => number): BrowserAuth => {
  let browser: Browser | undefined;
  let spent = false;
  const name = () => `ventanilla_${port()}`;

  return {
    exchange: (candidate) => {
      if (spent || !tokensEqual(candidate, token)) return null;
      spent = true;
      browser = { cookie: randomBytes(32).toString('base64url'), session: undefined };
      return `${name()}=${browser.cookie}; HttpOnly; SameSite=Strict; Path=/`;
    },
    browserOf: (req) => {
      if (!browser) return undefined;
      const wanted = `${name()}=`;
      const value = (req.headers.cookie ?? '')
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith(wanted))
        ?.slice(wanted.length);
      return value !== undefined && tokensEqual(value, browser.cookie) ? browser : undefined;
    },
    isBearer: (req) => {
      const auth = req.headers.authorization ?? '';
      return auth.startsWith('Bearer ') && tokensEqual(auth.slice(7), token);
    },
  };
};
