/**
 * When a rig is polled next: the interval with jitter (so rigs that started together drift apart instead of
 * hitting the network in one burst every interval), and exponential backoff for rigs that do not answer, capped
 * so a rebooting rig is still seen coming back. Pure: the random source is passed in.
 */
export type CadenceConfig = {
  intervalMs: number;
  /** Each delay is scaled by a uniform factor in [1 - jitterRatio, 1 + jitterRatio]. */
  jitterRatio: number;
  /** Misses in a row still polled at the normal interval before backing off. */
  backoffAfterMisses: number;
  /** The longest a silent rig waits between attempts (before jitter). */
  backoffMaxMs: number;
  /**
   * Polls start on a grid of this many ms (0 or absent: each at its own time): a rig due between two grid
   * points waits for the next, at most this long. At a thousand rigs every timer wake-up of the process costs
   * more CPU than a poll's own work, and polls started together share their wake-ups (docs/poll-path.md).
   */
  batchMs?: number;
};

/** The grid point at or after `at` (`at` itself without a grid). */
export function onGrid(at: number, batchMs: number | undefined): number {
  if (batchMs === undefined || batchMs <= 0 || !Number.isFinite(at)) return at;
  return Math.ceil(at / batchMs) * batchMs;
}

/** Delay before the next poll, counted from the start of the poll that just ended; `misses` in a row so far. */
export function nextPollDelay(misses: number, c: CadenceConfig, random: () => number): number {
  const over = misses - c.backoffAfterMisses;
  const base = over <= 0 ? c.intervalMs : Math.min(c.backoffMaxMs, c.intervalMs * 2 ** over);
  return Math.max(1, Math.round(jitter(base, c.jitterRatio, random)));
}

/** Delay before a new rig's first poll: spread uniformly over `spreadRatio` of an interval. */
export function firstPollDelay(c: CadenceConfig, spreadRatio: number, random: () => number): number {
  return Math.floor(random() * c.intervalMs * Math.max(0, spreadRatio));
}

function jitter(ms: number, ratio: number, random: () => number): number {
  return ms * (1 + ratio * (2 * random() - 1));
}
