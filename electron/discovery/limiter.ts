/** Small concurrency and rate primitives for discovery; the token bucket is pure so tests can drive time. */

export type Semaphore = { acquire(): Promise<void>; release(): void; readonly inUse: number };

/** At most `size` holders at once; waiters are served first come, first served. */
export function createSemaphore(size: number): Semaphore {
  let inUse = 0;
  const waiters: Array<() => void> = [];
  return {
    get inUse() {
      return inUse;
    },
    acquire() {
      if (inUse < size) {
        inUse++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    release() {
      const next = waiters.shift();
      // The slot passes straight to the next waiter, so inUse never dips and a newcomer cannot jump the queue.
      if (next) next();
      else inUse = Math.max(0, inUse - 1);
    },
  };
}

export type Bucket = { tokens: number; at: number };
export type BucketRule = { burst: number; refillPerSec: number };

/** Token bucket step: refill for the time since `bucket.at`, then take one token if there is one. */
export function takeToken(
  bucket: Bucket | undefined,
  now: number,
  rule: BucketRule,
): { allowed: boolean; bucket: Bucket } {
  const start = bucket ?? { tokens: rule.burst, at: now };
  const refilled = Math.min(
    rule.burst,
    start.tokens + (Math.max(0, now - start.at) / 1000) * rule.refillPerSec,
  );
  if (refilled >= 1) return { allowed: true, bucket: { tokens: refilled - 1, at: now } };
  return { allowed: false, bucket: { tokens: refilled, at: now } };
}
