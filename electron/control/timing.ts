/** How long control waits, in one place: the read-back after a write and how long a restart may take. */
export type ControlTiming = {
  /** Per request to the miner. */
  callTimeoutMs: number;
  /** How long the read-back waits for the miner to show the change, and how often it looks. */
  readBackMs: number;
  readBackIntervalMs: number;
  /**
   * How long a rig we asked to reboot / restart is shown restarting at most (the collector ends it earlier
   * once the rig hashes again). INFERRED from the virtual miner's boot (docs/vnish.md §8) with a margin.
   */
  rebootWindowMs: number;
  restartWindowMs: number;
  /** Different rigs are commanded in parallel, this many at once; one rig only ever runs one command. */
  concurrency: number;
};

export const DEFAULT_CONTROL_TIMING: ControlTiming = {
  callTimeoutMs: 5_000,
  readBackMs: 15_000,
  readBackIntervalMs: 1_000,
  rebootWindowMs: 5 * 60_000,
  restartWindowMs: 3 * 60_000,
  concurrency: 16,
};
