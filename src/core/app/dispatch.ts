import { contract, isOperationName, type OperationName } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/envelope';
import { AppError, isAppError } from '../../shared/errors';
import { invalidInputParams } from '../../shared/input-issues';
import { diskFullError, isDiskFull } from '../platform/disk-full';
import type { CoreDeps } from './deps';
import type { CallContext, Handler, Handlers } from './handlers';
import type { SessionStore } from '../staff/sessions';
import { actorOf } from '../staff/staff-service';
import { findById } from '../staff/staff-repo';

export interface DispatchResult {
  readonly envelope: Envelope;
  /** For the HTTP bridge; IPC ignores it. */
  readonly status: number;
}

export interface CallerTransport {
  readonly sessionId?: string | undefined;
}

export type Dispatch = (
  name: string,
  input: unknown,
  caller: CallerTransport,
) => Promise<DispatchResult>;

/** The single entry point both transports use: parse, authorise, run, check the output. */
export const createDispatch = (
  deps: CoreDeps,
  handlers: Handlers,
  sessions: SessionStore,
  log: (error: unknown) => void,
): Dispatch => {
  const run = async (name: OperationName, input: unknown, caller: CallerTransport) => {
    const def = contract[name];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new AppError('invalid_input', invalidInputParams(parsed.error, input), 400);
    }
    let session = sessions.get(caller.sessionId);
    const staff = session ? findById(deps.db, session.staffId) : undefined;
    if (session && (!staff || staff.disabled === 1)) {
      sessions.end(session.id);
      session = undefined;
    }
    if (def.access !== 'public') {
      if (!session || !staff) throw new AppError('not_signed_in', {}, 401);
      if (sessions.checkIdle(session)) throw new AppError('session_locked', {}, 423);
      if (def.access !== 'session' && !def.access.includes(staff.role)) {
        throw new AppError('forbidden', {}, 403);
      }
      if (!def.passive) sessions.touch(session);
    }
    let newSession: string | null | undefined;
    const ctx: CallContext = {
      session,
      actor: session && staff ? actorOf(staff) : undefined,
      setSession: (id) => {
        newSession = id;
      },
    };
    const handler = handlers[name] as Handler<OperationName>;
    const value: unknown = def.output.parse(await handler(parsed.data as never, ctx));
    return newSession === undefined
      ? { ok: true as const, value }
      : { ok: true as const, value, session: newSession };
  };

  return async (name, input, caller) => {
    try {
      if (!isOperationName(name)) throw new AppError('unknown_operation', { operation: name }, 404);
      return { envelope: await run(name, input, caller), status: 200 };
    } catch (e) {
      if (isAppError(e)) return { envelope: { ok: false, error: e.toShape() }, status: e.status };
      log(e);
      if (isDiskFull(e)) {
        const full = diskFullError();
        return { envelope: { ok: false, error: full.toShape() }, status: full.status };
      }
      return { envelope: { ok: false, error: { code: 'internal' } }, status: 500 };
    }
  };
};
