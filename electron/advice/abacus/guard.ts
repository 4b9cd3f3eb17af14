/**
 * Everything between RigDeck and an Abacus.AI call (docs/abacus.md §9): the client-side rate limit, the wait a
 * 429 or a failure imposed, the circuit breaker, and the last error kept for the page. The decisions are the
 * pure functions in breaker.ts, backoff.ts and rate-limit.ts; this holds their state and applies them.
 */
import type { AbacusError, AbacusOperation } from '../../../shared/abacus';
import type { Clock } from '../../clock';
import type { Logger } from '../../contract/dispatch';
import { type BackoffConfig, DEFAULT_BACKOFF, backoffMs, rateLimitedWaitMs } from './backoff';
import {
  type Breaker,
  type BreakerConfig,
  breakerAdmit,
  breakerFailure,
  breakerNeutral,
  breakerSuccess,
  closedBreaker,
} from './breaker';
import type { CallFailure, CallResult } from './http';
import { type Bucket, takeToken } from './rate-limit';

export type GuardDeps = {
  clock: Clock;
  random: () => number;
  log: Pick<Logger, 'warn' | 'info'>;
  breaker: () => BreakerConfig;
  callsPerSecond: () => number;
  backoff?: BackoffConfig;
  /** Waits for the rate limit; a manual clock in tests. */
  sleep: (ms: number) => Promise<void>;
};

/** `skipped`: no call went out (breaker open, waiting out a 429 or a backoff). */
export type Guarded = CallResult | { ok: false; skipped: true };

export type Guard = {
  run(op: AbacusOperation, call: () => Promise<CallResult>): Promise<Guarded>;
  /** A reply that came back fine but could not be read (the result, not the envelope). */
  malformed(op: AbacusOperation, message: string, requestId: string | null): void;
  /** The user changed something: forget the trouble and try again at once. */
  reset(): void;
  view(): { breaker: Breaker; notBeforeMs: number | null; lastError: AbacusError | null };
  /** Config errors (bad token or id) stop an operation until the settings or tokens change. */
  blocked(op: AbacusOperation): boolean;
};

// Waiting longer than this for a rate-limit token means the caller is far too busy: skip, try next tick.
const MAX_RATE_WAIT_MS = 10_000;

export function createGuard(deps: GuardDeps): Guard {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  let breaker = closedBreaker(deps.breaker());
  let notBeforeMs: number | null = null;
  let bucket: Bucket | null = null;
  let lastError: AbacusError | null = null;
  let failuresInRow = 0;
  let rateLimitedInRow = 0;
  const blocked = new Set<AbacusOperation>();

  const record = (op: AbacusOperation, f: Pick<CallFailure, 'kind' | 'message' | 'status' | 'requestId'>) => {
    const same = lastError?.message === f.message && lastError.operation === op;
    lastError = { ...f, operation: op, atMs: deps.clock.now() };
    // Said once per new message, not on every retry of the same outage.
    if (!same) deps.log.warn(`[rigdeck] Abacus.AI ${op}: ${f.message}`);
  };

  const failed = (op: AbacusOperation, f: CallFailure) => {
    const now = deps.clock.now();
    record(op, f);
    if (f.kind === 'rate-limited') {
      rateLimitedInRow++;
      notBeforeMs = now + rateLimitedWaitMs(f.retryAfterMs, rateLimitedInRow, backoff, deps.random);
      breaker = breakerNeutral(breaker, now);
    } else if (f.kind === 'unavailable' || f.kind === 'malformed') {
      failuresInRow++;
      const wasOpen = breaker.state !== 'closed';
      breaker = breakerFailure(breaker, now, deps.breaker());
      notBeforeMs = now + backoffMs(failuresInRow, backoff, deps.random);
      if (breaker.state === 'open' && !wasOpen)
        deps.log.warn(`[rigdeck] Abacus.AI: ${breaker.failures} failures in a row; pausing calls`);
    } else {
      breaker = breakerNeutral(breaker, now);
      if (f.kind === 'config') blocked.add(op);
    }
  };

  return {
    async run(op, call) {
      const now = deps.clock.now();
      if (blocked.has(op)) return { ok: false, skipped: true };
      if (notBeforeMs !== null && now < notBeforeMs) return { ok: false, skipped: true };
      const admit = breakerAdmit(breaker, now);
      breaker = admit.next;
      if (!admit.allow) return { ok: false, skipped: true };
      const taken = takeToken(bucket, now, deps.callsPerSecond());
      if (taken.waitMs > MAX_RATE_WAIT_MS) {
        breaker = breakerNeutral(breaker, now);
        return { ok: false, skipped: true };
      }
      bucket = taken.bucket;
      if (taken.waitMs > 0) await deps.sleep(taken.waitMs);
      const r = await call();
      if (r.ok) {
        const recovered = breaker.state !== 'closed';
        breaker = breakerSuccess(breaker, deps.breaker());
        failuresInRow = 0;
        rateLimitedInRow = 0;
        notBeforeMs = null;
        if (recovered) deps.log.info(`[rigdeck] Abacus.AI answers again; calls resumed`);
      } else failed(op, r.failure);
      return r;
    },
    malformed(op, message, requestId) {
      failed(op, { kind: 'malformed', message, status: 200, requestId, retryAfterMs: null });
    },
    reset() {
      breaker = closedBreaker(deps.breaker());
      notBeforeMs = null;
      failuresInRow = 0;
      rateLimitedInRow = 0;
      blocked.clear();
    },
    view: () => ({ breaker, notBeforeMs, lastError }),
    blocked: (op) => blocked.has(op),
  };
}
