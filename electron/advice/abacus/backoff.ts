/**
 * When to call Abacus.AI again after trouble (docs/abacus.md §6, §9). Pure: the randomness is passed in.
 */

export type BackoffConfig = { baseMs: number; capMs: number };

export const DEFAULT_BACKOFF: BackoffConfig = { baseMs: 5_000, capMs: 5 * 60_000 };

/**
 * Exponential with "equal jitter": half the step fixed, half random, so many RigDecks behind one proxy do not
 * retry in lockstep, yet none retries sooner than half the step. `attempt` counts failures in a row, from 1.
 */
export function backoffMs(attempt: number, cfg: BackoffConfig, random: () => number): number {
  const step = Math.min(cfg.capMs, cfg.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random())));
}

/** Retry-After is seconds or an HTTP date; null when absent or unreadable. Capped so a bad header cannot stall us for days. */
export function retryAfterMs(header: string | null, nowMs: number, capMs = 3_600_000): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(capMs, Math.round(Number(text) * 1000));
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(capMs, Math.max(0, at - nowMs));
}

/** The wait after a 429: the server's Retry-After when it gave one, else our own backoff. */
export function rateLimitedWaitMs(
  retryAfter: number | null,
  attempt: number,
  cfg: BackoffConfig,
  random: () => number,
): number {
  return retryAfter ?? backoffMs(attempt, { baseMs: 1_000, capMs: cfg.capMs }, random);
}
