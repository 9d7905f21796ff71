export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Full-jitter exponential backoff (delay = random × min(cap, base × 2^failures)), never
 * sooner than central's `Retry-After`. `failures` counts consecutive failures, from 1.
 */
export const backoffDelay = (
  failures: number,
  random: () => number,
  retryAfterMs: number | undefined,
): number => {
  const ceiling = Math.min(
    BACKOFF_CAP_MS,
    BACKOFF_BASE_MS * 2 ** Math.min(30, Math.max(0, failures - 1)),
  );
  const jittered = Math.floor(random() * ceiling);
  // Honour Retry-After beyond our own cap, but not absurd values (an hour at most).
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, 3_600_000));
};
