import { useCallback, useEffect, useRef, useState } from 'react';
import { useAction } from './app-context';

/**
 * Loads a screen's data once on mount through `useAction` (busy, translated error, a locked
 * session reopening the lock); `reload` reads it again. The action's `run` stays available for
 * the screen's own saves, sharing the same error banner.
 */
export const useLoaded = <T>(load: () => Promise<T>) => {
  const action = useAction();
  const [value, setValue] = useState<T | null>(null);
  // The latest closures, so that a new session object does not load again by itself.
  const latest = useRef({ load, run: action.run });
  latest.current = { load, run: action.run };
  const reload = useCallback(async () => {
    const next = await latest.current.run(latest.current.load);
    if (next !== undefined) setValue(next);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...action, value, setValue, reload };
};
