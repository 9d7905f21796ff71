import type { Dispatch } from './dispatch';
import { type CoreOptions, wireCore } from './wire-core';

export type { CoreOptions } from './wire-core';

/** The one object every adapter talks to: every operation goes through `dispatch`. */
export interface Core {
  readonly dispatch: Dispatch;
  /** Starts the background work of a long-running adapter (sync, retention). */
  readonly start: () => void;
  readonly close: () => void;
}

export const createCore = (options: CoreOptions): Core => {
  const { dispatch, start, close } = wireCore(options);
  return { dispatch, start, close };
};
