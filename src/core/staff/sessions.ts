import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/clock';

export interface Session {
  readonly id: string;
  readonly staffId: number;
  lastActivity: number;
  locked: boolean;
}

/**
 * Sessions live in memory only: a restart signs everyone out. Idle sessions lock (they are
 * not ended), so a clerk who steps away resumes with a password instead of starting over.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMs: () => number,
  ) {}

  create(staffId: number): Session {
    const session = {
      id: randomBytes(32).toString('base64url'),
      staffId,
      lastActivity: this.clock.now().getTime(),
      locked: false,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    return id ? this.#sessions.get(id) : undefined;
  }

  /** Locks the session if it has been idle too long; returns whether it is now locked. */
  checkIdle(session: Session): boolean {
    if (!session.locked && this.clock.now().getTime() - session.lastActivity > this.idleMs()) {
      session.locked = true;
    }
    return session.locked;
  }

  touch(session: Session): void {
    session.lastActivity = this.clock.now().getTime();
  }

  end(id: string): void {
    this.#sessions.delete(id);
  }

  endAllFor(staffId: number): void {
    for (const [id, s] of this.#sessions) if (s.staffId === staffId) this.#sessions.delete(id);
  }
}
