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
  /**
   * After a firmware image is sent: how long the rig may take to flash, reboot and answer again. INFERRED
   * (docs/vnish.md §12): real upgrades take minutes; the margin is wide.
   */
  firmwareWindowMs: number;
  /** The slowest upload speed allowed before an image upload times out (bytes per second). */
  uploadBytesPerSec: number;
  /** Different rigs are commanded in parallel, this many at once; one rig only ever runs one command. */
  concurrency: number;
};

export const DEFAULT_CONTROL_TIMING: ControlTiming = {
  callTimeoutMs: 5_000,
  readBackMs: 15_000,
  readBackIntervalMs: 1_000,
  rebootWindowMs: 5 * 60_000,
  restartWindowMs: 3 * 60_000,
  firmwareWindowMs: 20 * 60_000,
  uploadBytesPerSec: 256 * 1024,
  concurrency: 16,
};
