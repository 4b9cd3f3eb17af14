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
};

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
