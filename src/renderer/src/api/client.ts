import type { OperationName, OpInput, OpOutput, VentanillaApi } from '../../../shared/contract';
import { type Envelope, SESSION_HEADER } from '../../../shared/contract/envelope';
import type { ErrorShape } from '../../../shared/errors';

/** An error the core reported; `code` is translated with `errors.<code>`. */
export class ClientError extends Error {
  readonly code: string;
  readonly params: ErrorShape['params'];
  constructor(shape: ErrorShape) {
    super(shape.code);
    this.code = shape.code;
    this.params = shape.params;
  }
}

type Call = (name: OperationName, input: unknown) => Promise<Envelope>;

type Facade = Readonly<Record<string, (input: unknown) => Promise<Envelope>>>;

declare global {
  interface Window {
    readonly ventanilla?: Facade;
  }
}

/** Desktop: the preload facade, which keeps the session itself. */
const ipcCall =
  (facade: Facade): Call =>
  (name, input) => {
    const fn = facade[name];
    if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_operation' } });
    return fn(input);
  };

/** Browser mode: `POST /rpc/{operation}` with the launch token, both kept in memory only. */
const httpCall = (token: string): Call => {
  let session: string | null = null;
  return async (name, input) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    };
    if (session) headers[SESSION_HEADER] = session;
    let response: Response;
    try {
      response = await fetch(`/rpc/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'network_unreachable' } };
    }
    const envelope = (await response.json().catch(() => ({
      ok: false,
      error: { code: 'internal' },
    }))) as Envelope;
    if (envelope.ok && envelope.session !== undefined) session = envelope.session;
    return envelope;
  };
};

/** Reads the launch token from `?token=` once and removes it from the address bar. */
const takeToken = (): string => {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? '';
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return token;
};

export const createApi = (): VentanillaApi => {
  const call = window.ventanilla ? ipcCall(window.ventanilla) : httpCall(takeToken());
  return new Proxy({} as VentanillaApi, {
    get: (_target, name: string) => async (input: unknown) => {
      const envelope = await call(name as OperationName, input ?? {});
      if (!envelope.ok) throw new ClientError(envelope.error);
      return envelope.value;
    },
  });
};

export type { OperationName, OpInput, OpOutput };
