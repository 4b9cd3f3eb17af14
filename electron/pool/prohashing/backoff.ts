/** Exponential backoff shared by the REST cadence and the live reconnect: pure, no jitter (callers add none). */
export type Backoff = {
  /** Delay after the first failure. */
  baseMs: number;
  /** Growth per further consecutive failure. */
  factor: number;
  /** Ceiling. */
  maxMs: number;
};

/** Delay before the next attempt after `failures` consecutive failures (1 = the first failure). */
export function backoffDelay(failures: number, b: Backoff): number {
  if (failures <= 0) return 0;
  const grown = b.baseMs * Math.pow(Math.max(1, b.factor), failures - 1);
  return Math.min(Math.max(b.baseMs, b.maxMs), grown);
}
