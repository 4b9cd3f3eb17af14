/**
 * Time as an injected effect: the collector's scheduler and the pool connector take their timers from a Clock,
 * so tests drive cadence, backoff and resync with a manual clock instead of waiting, and stop() can cancel them.
 */
export type Cancel = () => void;

export type Clock = {
  now(): number;
  /** Run `fn` once after `ms`; the returned function cancels it (safe to call twice). */
  after(ms: number, fn: () => void): Cancel;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    // A pending poll must never keep the CLI or a test process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
