/**
 * The circuit breaker in front of Abacus.AI (docs/abacus.md §9): after `threshold` failures in a row it opens
 * and no call goes out until the cooldown ends; then one probe is let through (half-open). The probe's success
 * closes it; its failure opens it again for twice as long, up to `maxCooldownMs`. Pure: state in, state out.
 */
import type { BreakerStateName } from '../../../shared/abacus';

export type Breaker = {
  state: BreakerStateName;
  /** Failures in a row (reset by a success). */
  failures: number;
  /** When an open breaker lets one probe through. */
  retryAtMs: number | null;
  /** The cooldown used for the last opening: doubled each time a probe fails. */
  cooldownMs: number;
};

export type BreakerConfig = { threshold: number; cooldownMs: number; maxCooldownMs: number };

export const closedBreaker = (cfg: BreakerConfig): Breaker => ({
  state: 'closed',
  failures: 0,
  retryAtMs: null,
  cooldownMs: cfg.cooldownMs,
});

/** May a call go out now? An open breaker whose cooldown has ended becomes half-open and lets this one through. */
export function breakerAdmit(b: Breaker, nowMs: number): { allow: boolean; next: Breaker } {
  if (b.state === 'closed') return { allow: true, next: b };
  if (b.state === 'half-open') return { allow: false, next: b }; // one probe is already out
  if (b.retryAtMs !== null && nowMs >= b.retryAtMs)
    return { allow: true, next: { ...b, state: 'half-open' } };
  return { allow: false, next: b };
}

export function breakerSuccess(b: Breaker, cfg: BreakerConfig): Breaker {
  return b.state === 'closed' && b.failures === 0 ? b : closedBreaker(cfg);
}

export function breakerFailure(b: Breaker, nowMs: number, cfg: BreakerConfig): Breaker {
  const failures = b.failures + 1;
  if (b.state === 'half-open') {
    const cooldownMs = Math.min(cfg.maxCooldownMs, b.cooldownMs * 2);
    return { state: 'open', failures, retryAtMs: nowMs + cooldownMs, cooldownMs };
  }
  if (failures >= cfg.threshold)
    return { state: 'open', failures, retryAtMs: nowMs + cfg.cooldownMs, cooldownMs: cfg.cooldownMs };
  return { ...b, failures };
}

/** A call that ended without a verdict on the service (a 429, a refused request): a half-open probe may go again. */
export function breakerNeutral(b: Breaker, nowMs: number): Breaker {
  return b.state === 'half-open' ? { ...b, state: 'open', retryAtMs: nowMs } : b;
}
