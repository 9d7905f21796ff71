import type { Contract, OperationName, OpOutput, OpParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import type { Session } from '../staff/sessions';

export interface CallContext {
  /** Set for every operation whose access is not `public`, and for public calls that carry one. */
  readonly session: Session | undefined;
  readonly actor: Actor | undefined;
  /** A local caller's progress line (0..1) for long runs; transports have none. */
  readonly onProgress?: ((fraction: number) => void) | undefined;
  /** Tells the transport to remember (or forget) the caller's session token. */
  setSession(id: string | null): void;
}

export type Handler<N extends OperationName> = (
  input: OpParsedInput<N>,
  ctx: CallContext,
) => OpOutput<N> | Promise<OpOutput<N>>;

/** The handlers of one feature: exactly the operations of its `*Ops` object. */
export type HandlersFor<Ops extends Partial<Contract>> = {
  readonly [N in keyof Ops & OperationName]: Handler<N>;
};

export type Handlers = HandlersFor<Contract>;

export const requireActor = (ctx: CallContext): Actor => {
  if (!ctx.actor) throw new AppError('not_signed_in', {}, 401);
  return ctx.actor;
};

export const requireSession = (ctx: CallContext): Session => {
  if (!ctx.session) throw new AppError('not_signed_in', {}, 401);
  return ctx.session;
};
