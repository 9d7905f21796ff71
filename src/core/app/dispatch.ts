import { contract, isOperationName, type OperationName } from '../../shared/contract';
import type { Access, OperationDef, Role } from '../../shared/contract/define';
import type { Envelope } from '../../shared/contract/envelope';
import { AppError, isAppError } from '../../shared/errors';
import { invalidInputParams } from '../../shared/input-issues';
import { diskFullError, isDiskFull } from '../platform/disk-full';
import type { CoreDeps } from './deps';
import type { CallContext, Handler, Handlers } from './handlers';
import type { SessionStore } from '../staff/sessions';
import { actorOf } from '../staff/staff-service';
import { findById, type StaffRow } from '../staff/staff-repo';
import type { Actor } from '../audit/append';

export interface DispatchResult {
  readonly envelope: Envelope;
  /** For the HTTP bridge; IPC ignores it. */
  readonly status: number;
}

/** A call that came over IPC or the browser bridge: who it is comes from its session. */
export interface CallerTransport {
  readonly sessionId?: string | undefined;
}

/**
 * The operator at this machine (the CLI): audited as `cli:<os user>` for operations the contract
 * lets the local operator call (`local`), or signed in as a staff member by password otherwise.
 */
export interface LocalCaller {
  readonly local: {
    readonly osUser: string;
    readonly staff?: { readonly username: string; readonly password: string } | undefined;
    readonly onProgress?: ((fraction: number) => void) | undefined;
  };
}

export type Caller = CallerTransport | LocalCaller;

export type Dispatch = (name: string, input: unknown, caller: Caller) => Promise<DispatchResult>;

export const localActor = (osUser: string): Actor => ({
  staffId: null,
  username: `cli:${osUser}`,
  role: 'system',
});

const allows = (access: Access, role: Role): boolean =>
  access === 'session' || (Array.isArray(access) && access.includes(role));

/** The single entry point both transports and the CLI use: parse, authorise, run, check the output. */
export const createDispatch = (
  deps: CoreDeps,
  handlers: Handlers,
  sessions: SessionStore,
  checkCredentials: (username: string, password: string) => Promise<StaffRow>,
  log: (error: unknown) => void,
): Dispatch => {
  const transportContext = (def: OperationDef, caller: CallerTransport) => {
    let session = sessions.get(caller.sessionId);
    const staff = session ? findById(deps.db, session.staffId) : undefined;
    if (session && (!staff || staff.disabled === 1)) {
      sessions.end(session.id);
      session = undefined;
    }
    if (def.access === 'local') throw new AppError('forbidden', {}, 403);
    if (def.access !== 'public') {
      if (!session || !staff) throw new AppError('not_signed_in', {}, 401);
      if (sessions.checkIdle(session)) throw new AppError('session_locked', {}, 423);
      if (!allows(def.access, staff.role)) throw new AppError('forbidden', {}, 403);
      if (!def.passive) sessions.touch(session);
    }
    return { session, actor: session && staff ? actorOf(staff) : undefined };
  };

  const localContext = async (def: OperationDef, { local }: LocalCaller) => {
    if (local.staff) {
      // The same password, lockout and disabled checks as signing in at the counter.
      const staff = await checkCredentials(local.staff.username, local.staff.password);
      const open = def.access === 'public' || def.access === 'local';
      if (!open && !allows(def.access, staff.role)) throw new AppError('forbidden', {}, 403);
      return { session: undefined, actor: actorOf(staff), onProgress: local.onProgress };
    }
    if (def.access !== 'public' && def.access !== 'local' && !def.local)
      throw new AppError('forbidden', {}, 403);
    return { session: undefined, actor: localActor(local.osUser), onProgress: local.onProgress };
  };

  const run = async (name: OperationName, input: unknown, caller: Caller) => {
    const def: OperationDef = contract[name];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new AppError('invalid_input', invalidInputParams(parsed.error, input), 400);
    }
    const who = 'local' in caller ? await localContext(def, caller) : transportContext(def, caller);
    let newSession: string | null | undefined;
    const ctx: CallContext = {
      ...who,
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
