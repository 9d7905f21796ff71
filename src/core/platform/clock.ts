export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Minutes east of UTC, as ISO 8601 writes them (Madrid in summer: +120). */
export const utcOffsetMinutes = (at: Date): number => -at.getTimezoneOffset();
