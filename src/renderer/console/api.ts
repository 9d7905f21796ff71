import { translate, translateError } from '../../shared/i18n';
import type { Language } from '../../shared/i18n/define';

export type ConsoleRole = 'official' | 'it' | 'dpo';
export type ConsoleArea =
  | 'directory'
  | 'requests'
  | 'devices'
  | 'register'
  | 'forms'
  | 'conflicts'
  | 'proofs'
  | 'revocations'
  | 'audit';

export interface ConsoleSessionInfo {
  readonly account: { username: string; displayName: string; role: ConsoleRole };
  readonly areas: ConsoleArea[];
  readonly locked: boolean;
  readonly idle_ms: number;
}

/** A refusal from central: its code (from the closed list, or a shared feature's) and values. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> | undefined,
  ) {
    super(code);
  }
}

const BASE = '/console/api';

/**
 * Central's refusal as a sentence: the console's own wording first (`console.errors.*`, which
 * may show values such as a lock's seconds), then central's (`errors.sync_*`), then a shared
 * feature's (`errors.*`, e.g. a register row); never the code itself.
 */
export const errorText = (lang: Language, e: unknown): string => {
  if (!(e instanceof ConsoleApiError)) return translate(lang, 'console.errors.unreachable');
  for (const key of [`console.errors.${e.code}`, `errors.sync_${e.code}`]) {
    const text = translate(lang, key, e.params);
    if (text !== key) return text;
  }
  return e.code === 'unknown'
    ? translateError(lang, { code: 'sync_central_failed', params: { status: e.status } })
    : translateError(lang, { code: e.code, params: e.params });
};

/** The console's calls to central, with the session's token in a header (never a cookie). */
export const createConsoleApi = (
  getToken: () => string | null,
  /** Told when central answers that the session ended or locked, so the screen follows. */
  onSessionRefused: (code: 'session_invalid' | 'session_locked') => void,
) => {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const token = getToken();
    let res: Response;
    try {
      res = await fetch(`${BASE}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ConsoleApiError(0, 'unreachable', undefined);
    }
    const parsed: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const b = (parsed ?? {}) as { error?: unknown; params?: Record<string, string | number> };
      if (token && (b.error === 'session_invalid' || b.error === 'session_locked'))
        onSessionRefused(b.error);
      throw new ConsoleApiError(
        res.status,
        typeof b.error === 'string' ? b.error : 'unknown',
        b.params,
      );
    }
    return parsed as T;
  };

  /** A file download (the audit export) as a Blob, with the same credentials. */
  const download = async (path: string): Promise<Blob> => {
    const token = getToken();
    const res = await fetch(`${BASE}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!res.ok) {
      const b = (await res.json().catch(() => ({}))) as { error?: unknown };
      throw new ConsoleApiError(
        res.status,
        typeof b.error === 'string' ? b.error : 'unknown',
        undefined,
      );
    }
    return res.blob();
  };

  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    del: <T>(path: string) => call<T>('DELETE', path),
    download,
  };
};
export type ConsoleApi = ReturnType<typeof createConsoleApi>;

export const query = (params: Record<string, string | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};
