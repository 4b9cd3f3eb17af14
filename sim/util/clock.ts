// The farm never reads Date.now() directly: it reads a Clock, so `--speed` can run time faster and
// tests can step time by hand instead of sleeping for real minutes.
export type Clock = {
  /** Simulated wall time, epoch milliseconds. */
  now(): number;
  /** How many simulated milliseconds pass per real millisecond (1 for a manual clock). */
  readonly speed: number;
};

export type ManualClock = Clock & { advance(ms: number): void; set(ms: number): void };

export function scaledClock(speed: number, startMs: number = Date.now()): Clock {
  const realStart = Date.now();
  return { speed, now: () => startMs + (Date.now() - realStart) * speed };
}

export function manualClock(startMs: number = Date.UTC(2026, 0, 1)): ManualClock {
  let current = startMs;
  return {
    speed: 1,
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(ms) {
      current = ms;
    },
  };
}

/** Real milliseconds to wait for `simMs` of simulated time to pass. */
export function realDelay(clock: Clock, simMs: number): number {
  return Math.max(0, simMs / clock.speed);
}
