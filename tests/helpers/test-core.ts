import { afterEach } from 'vitest';
import { type CoreWiring as Core, wireCore } from '../../src/core/app/wire-core';
import type { Actor } from '../../src/core/audit/append';
import type { OperationName, OpInput, OpOutput } from '../../src/shared/contract';
import type { Clock } from '../../src/core/platform/clock';
import { tempDir } from './temp-dir';

/** A clock tests can move. */
export class FakeClock implements Clock {
  constructor(private t = Date.parse('2026-03-02T09:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const SYSTEM: Actor = { staffId: null, username: 'test', role: 'system' };

/** Calls an operation as the operator at the machine (the CLI's way in), failing loudly. */
export const asOperator = async <N extends OperationName>(
  core: Pick<Core, 'dispatch'>,
  name: N,
  input: OpInput<N>,
): Promise<OpOutput<N>> => {
  const { envelope } = await core.dispatch(name, input, { local: { osUser: 'test' } });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.code), envelope.error);
  return envelope.value as OpOutput<N>;
};

export interface TestCore {
  readonly core: Core;
  readonly dataDir: string;
  readonly clock: FakeClock;
  /** Calls an operation through the real dispatcher, as a transport would. */
  call<N extends OperationName>(
    name: N,
    input: OpInput<N>,
    sessionId?: string,
  ): Promise<OpOutput<N>>;
  /** Creates a staff member and signs them in; returns the session token. */
  signInAs(role: 'clerk' | 'manager' | 'admin', username?: string): Promise<string>;
}

/** A real core on a real encrypted database file in a temporary data directory. */
export const testCore = (
  options: { dataDir?: string; clock?: FakeClock; registerWorker?: URL } = {},
): TestCore => {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new FakeClock();
  const core = wireCore({
    dataDir,
    clock,
    log: () => undefined,
    ...(options.registerWorker ? { registerWorker: options.registerWorker } : {}),
  });
  afterEach(() => core.close());

  const call = async <N extends OperationName>(name: N, input: OpInput<N>, sessionId?: string) => {
    const { envelope } = await core.dispatch(name, input, { sessionId });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.code), envelope.error);
    return envelope.value as OpOutput<N>;
  };

  const signInAs = async (role: 'clerk' | 'manager' | 'admin', username: string = role) => {
    const password = 'correct horse battery';
    await core.services.staff.add(SYSTEM, { username, displayName: username, role, password });
    const session = await core.services.auth.signIn(username, password);
    return session.id;
  };

  return { core, dataDir, clock, call, signInAs };
};
