/**
 * Time in the fakes. Cloud operations take minutes; a fake divides every modelled duration by
 * `speed`, so a 12-minute EKS cluster takes 12 minutes at speed 1 and 0.72 s at speed 1000.
 * Timestamps are real epoch milliseconds, so state persisted by one process (sim mode) is read
 * correctly by the next.
 */
export interface Clock {
  now(): number;
  readonly speed: number;
  /** Real milliseconds until a modelled duration has passed. */
  scaled(modelledMs: number): number;
}

export function createClock(speed = 1, now: () => number = Date.now): Clock {
  if (!(speed > 0)) throw new Error(`clock speed must be positive, got ${speed}`);
  return { now, speed, scaled: (modelledMs) => modelledMs / speed };
}

/** A clock tests move by hand. */
export function createManualClock(
  start = 1_700_000_000_000,
  speed = 1,
): Clock & { advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    speed,
    scaled: (modelledMs) => modelledMs / speed,
    advance(ms) {
      current += ms;
    },
  };
}
