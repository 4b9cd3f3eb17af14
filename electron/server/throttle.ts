/**
 * Failed-login throttling per client address, as pure state + clock. After `freeAttempts` failures each further
 * failure doubles the lock-out, up to `maxLockMs`; a success clears the record. The table is capped so a flood
 * from many addresses cannot grow memory without bound (the oldest records go first).
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

type Entry = { failures: number; lockedUntil: number; lastFailure: number };

export type LoginThrottle = {
  check(key: string, now: number): { allowed: true } | { allowed: false; retryAfterMs: number };
  fail(key: string, now: number): void;
  succeed(key: string): void;
  size(): number;
};

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE): LoginThrottle {
  const entries = new Map<string, Entry>();
  return {
    check(key, now) {
      const e = entries.get(key);
      if (!e || e.lockedUntil <= now) return { allowed: true };
      return { allowed: false, retryAfterMs: e.lockedUntil - now };
    },
    fail(key, now) {
      const e = entries.get(key) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
      e.failures += 1;
      e.lastFailure = now;
      const over = e.failures - options.freeAttempts;
      if (over >= 0)
        e.lockedUntil = now + Math.min(options.maxLockMs, options.baseLockMs * 2 ** Math.min(over, 30));
      entries.delete(key); // re-insert so Map order is least-recently-failed first
      entries.set(key, e);
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    succeed(key) {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}
