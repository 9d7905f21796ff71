import type { Envelope } from '../shared/contract/envelope';

export type Invoke = (name: string, input: unknown) => Promise<Envelope>;

/** One frozen function per operation and nothing else: no ipcRenderer, no generic invoke. */
export const buildFacade = (
  names: readonly string[],
  invoke: Invoke,
): Readonly<Record<string, (input: unknown) => Promise<Envelope>>> =>
  Object.freeze(
    Object.fromEntries(names.map((name) => [name, (input: unknown) => invoke(name, input)])),
  );
