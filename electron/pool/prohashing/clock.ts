/**
 * Time as an injected effect: every timer in the ProHashing connector goes through a Clock so tests drive
 * cadence, backoff and resync with a manual clock instead of waiting, and stop() can cancel everything.
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
    // A pool poll must never keep the CLI or a test process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
