import { createContext, useContext } from 'react';
import type { ConsoleApi, ConsoleSessionInfo } from './api';

export interface ConsoleContextValue {
  readonly api: ConsoleApi;
  readonly session: ConsoleSessionInfo;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export const useConsole = (): ConsoleContextValue => {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the console');
  return value;
};
