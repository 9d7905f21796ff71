import type { OperationName, OpInput, OpOutput, VentanillaApi } from '../../../shared/contract';
import type { Envelope } from '../../../shared/contract/envelope';
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

/**
 * Browser mode: `POST /rpc/{operation}`. The bridge's HttpOnly cookie authorises the page and
 * the bridge keeps the staff session, so this script holds no secret at all.
 */
const httpCall: Call = async (name, input) => {
  let response: Response;
  try {
    response = await fetch(`/rpc/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, error: { code: 'network_unreachable' } };
  }
  return (await response.json().catch(() => ({
    ok: false,
    error: { code: 'internal' },
  }))) as Envelope;
};

export const createApi = (): VentanillaApi => {
  const call = window.ventanilla ? ipcCall(window.ventanilla) : httpCall;
  return new Proxy({} as VentanillaApi, {
    get: (_target, name: string) => async (input: unknown) => {
      const envelope = await call(name as OperationName, input ?? {});
      if (!envelope.ok) throw new ClientError(envelope.error);
      return envelope.value;
    },
  });
};

export type { OperationName, OpInput, OpOutput };
