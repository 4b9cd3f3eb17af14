/**
 * Failed-login throttling per client address, as pure state + clock. After `freeAttempts` failures each further
 * failure doubles the lock-out, up to `maxLockMs`; a success clears the record. The table is capped so a flood
 * from many addresses cannot grow memory without bound (the oldest records go first).
 *
 * Attempts still being verified count as failures-to-be: a burst of guesses sent at once (one socket or many)
 * gets at most the free attempts checked against the password, not one check per guess. Once locked out and the
 * lock expires, an address gets one attempt at a time.
 */
export type ThrottleOptions = {
  freeAttempts: number;
  baseLockMs: number;
  maxLockMs: number;
  maxEntries: number;
};
export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeAttempts: 5,
  baseLockMs: 2_000,
  maxLockMs: 15 * 60_000,
  maxEntries: 10_000,
};

type Entry = { failures: number; lockedUntil: number; inFlight: number };

/** One reserved attempt: settle it exactly once (later calls do nothing). */
export type Attempt = { failed(now: number): void; succeeded(): void };
export type Gate = { allowed: true; attempt: Attempt } | { allowed: false; retryAfterMs: number };

export type LoginThrottle = {
  /** Reserves an attempt for `key`, or says how long to wait. Reserve before checking the password. */
  begin(key: string, now: number): Gate;
  size(): number;
};

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE): LoginThrottle {
  const entries = new Map<string, Entry>();
  const entry = (key: string): Entry => {
    const e = entries.get(key) ?? { failures: 0, lockedUntil: 0, inFlight: 0 };
    entries.delete(key); // re-insert so Map order is least-recently-used first
    entries.set(key, e);
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return e;
  };
  return {
    begin(key, now) {
      const e = entries.get(key);
      if (e && e.lockedUntil > now) return { allowed: false, retryAfterMs: e.lockedUntil - now };
      const allowance = Math.max(1, options.freeAttempts - (e?.failures ?? 0));
      if (e && e.inFlight >= allowance) return { allowed: false, retryAfterMs: options.baseLockMs };
      entry(key).inFlight += 1;
      let settled = false;
      const settle = () => {
        if (settled) return null;
        settled = true;
        const cur = entry(key);
        cur.inFlight = Math.max(0, cur.inFlight - 1);
        return cur;
      };
      return {
        allowed: true,
        attempt: {
          failed(at) {
            const cur = settle();
            if (!cur) return;
            cur.failures += 1;
            const over = cur.failures - options.freeAttempts;
            if (over >= 0)
              cur.lockedUntil =
                at + Math.min(options.maxLockMs, options.baseLockMs * 2 ** Math.min(over, 30));
          },
          succeeded() {
            const cur = settle();
            if (!cur) return;
            cur.failures = 0;
            cur.lockedUntil = 0;
            if (cur.inFlight === 0) entries.delete(key);
          },
        },
      };
    },
    size: () => entries.size,
  };
}
