/**
 * The collector's knobs, with defaults derived from the user's settings (poll interval, retention). Every
 * threshold is here rather than in the code that applies it, so tests and the bench can shrink time.
 */
import { type HealthSettings } from '../../shared/health-settings';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { type Retention } from '../store/history-types';
import { type CadenceConfig } from './cadence';
import { type LivenessConfig } from './liveness';

export type CollectorConfig = {
  cadence: CadenceConfig;
  liveness: LivenessConfig;
  /** Rigs polled at once; the rest wait in the due queue. */
  concurrency: number;
  /** Deadline of one request to a miner (connect, send, reply). */
  timeoutMs: number;
  /** Hard stop for one rig's whole poll (all its requests): its slot is freed whatever the connector does. */
  pollDeadlineMs: number;
  /** First polls spread over this fraction of an interval (0: all at once), so a start is not a burst. */
  initialSpreadRatio: number;
  /** /info, /status and /perf-summary (identity, uptime, preset, restart flags): every poll reads only /summary. */
  detailEveryMs: number;
  /** Presets, model limits and pool settings: slow-changing, and pool settings need a login. */
  slowEveryMs: number;
  /**
   * Per-chip detail (/boards: ~60 KB, 360 chips on an L7) with the slow tier too; otherwise only on demand
   * (refresh). On a thousand rigs it would dominate the collector's memory and the slow tier's CPU.
   */
  chipsWithSlow: boolean;
  /** How often finished buckets are rolled up and old rows dropped. */
  maintainEveryMs: number;
  retention: Retention;
  /** Liveness changes between cycles are gathered this long before subscribers hear of them. */
  notifyCoalesceMs: number;
};

export type CollectorSettings = {
  pollIntervalSec: number;
  retention: Retention;
  /** The health rules' thresholds; the defaults when not given. */
  health?: HealthSettings;
};

export type ConfigOverrides = Partial<Omit<CollectorConfig, 'cadence' | 'liveness'>> & {
  cadence?: Partial<CadenceConfig>;
  liveness?: Partial<LivenessConfig>;
};

/** The user's defaults (shared/settings.ts is their one source): a collector made without settings uses them. */
export const DEFAULT_RETENTION: Retention = DEFAULT_SETTINGS.retention;
export const DEFAULT_COLLECTOR_SETTINGS: CollectorSettings = {
  pollIntervalSec: DEFAULT_SETTINGS.pollIntervalSec,
  retention: DEFAULT_RETENTION,
};

export function collectorConfig(
  settings: CollectorSettings = DEFAULT_COLLECTOR_SETTINGS,
  overrides: ConfigOverrides = {},
): CollectorConfig {
  const intervalMs = overrides.cadence?.intervalMs ?? settings.pollIntervalSec * 1000;
  // A request that outlives the interval would overlap the next poll of the same rig.
  const timeoutMs = overrides.timeoutMs ?? Math.min(5000, Math.max(500, Math.floor(intervalMs / 2)));
  const cadence: CadenceConfig = {
    intervalMs,
    jitterRatio: 0.1,
    // The first misses keep the normal pace so "stale after two missed polls" is seen on time.
    backoffAfterMisses: 2,
    // A rebooting rig (60–90 s down) is seen back within about a minute.
    backoffMaxMs: Math.max(60_000, 2 * intervalMs),
    // A quarter second at the default 15 s: a rig's poll starts at most that late, well inside its jitter, and
    // a thousand rigs wake the process 4 times a second instead of 67. Shorter intervals get a finer grid.
    batchMs: Math.min(250, Math.floor(intervalMs / 60)),
    ...overrides.cadence,
  };
  const liveness: LivenessConfig = {
    staleAfterMisses: 2,
    // Without any poll result (a stalled queue) figures still go stale after about two and a half intervals.
    staleAfterMs: Math.round(2.5 * intervalMs) + timeoutMs,
    offlineAfterMs: 60_000,
    offlineAfterMisses: 3,
    ...overrides.liveness,
  };
  return {
    concurrency: 64,
    pollDeadlineMs: 4 * timeoutMs,
    initialSpreadRatio: 1,
    detailEveryMs: Math.max(120_000, 4 * intervalMs),
    slowEveryMs: 600_000,
    chipsWithSlow: false,
    maintainEveryMs: 300_000,
    retention: settings.retention,
    notifyCoalesceMs: 250,
    ...overrides,
    timeoutMs,
    cadence,
    liveness,
  };
}
