/**
 * How history values are stored: the small-integer encodings (see the table in schema.ts), time as 5-minute bucket
 * and hour numbers, and fixed codes for miner and chain states. Pure; every SQL text that names a metric column
 * is built from `metricCodecs`, so there is one place to change.
 */
import { type ChainState, type MinerState } from '../../shared/rig';
import { type HistoryMetric, historyMetrics } from '../../shared/telemetry';

export const BUCKET_S = 300;
export const HOUR_S = 3600;
export const BUCKETS_PER_HOUR = HOUR_S / BUCKET_S;
export const MINUTES_PER_BUCKET = BUCKET_S / 60;

/** How the fleet combines one metric across rigs in a bucket. */
export type FleetMode = 'sum' | 'max' | 'min' | 'ratio';

export type MetricCodec = {
  /** Column name stem in the sample tables (rollups add _avg, _min, _max). */
  column: string;
  /** Stored integer = round(value × scale). */
  scale: number;
  fleet: FleetMode;
};

export const metricCodecs = {
  hashrate_mhs: { column: 'hashrate_mhs', scale: 1, fleet: 'sum' },
  power_w: { column: 'power_w', scale: 1, fleet: 'sum' },
  efficiency_j_per_mh: { column: 'efficiency_e4', scale: 10_000, fleet: 'ratio' },
  chip_temp_max_c: { column: 'chip_temp_dc', scale: 10, fleet: 'max' },
  board_temp_max_c: { column: 'board_temp_dc', scale: 10, fleet: 'max' },
  fan_rpm_min: { column: 'fan_rpm', scale: 1, fleet: 'min' },
  pool_hashrate_mhs: { column: 'pool_hashrate_mhs', scale: 1, fleet: 'sum' },
} as const satisfies Record<HistoryMetric, MetricCodec>;

/** Every metric in storage order (the column order of the rollup tables). */
export const allMetrics: readonly HistoryMetric[] = historyMetrics;

/**
 * Numbers, not positions in shared/rig.ts's lists: reordering or extending those must not change what old rows
 * mean. `satisfies` makes a new state fail to compile until it has a code. 0 is the common case (0 bytes).
 */
export const minerStateCodes = {
  mining: 0,
  initializing: 1,
  starting: 2,
  'auto-tuning': 3,
  restarting: 4,
  'shutting-down': 5,
  stopped: 6,
  failure: 7,
  unknown: 8,
} as const satisfies Record<MinerState, number>;

export const chainStateCodes = {
  mining: 0,
  initializing: 1,
  stopped: 2,
  failure: 3,
  disconnected: 4,
  disabled: 5,
  unknown: 6,
} as const satisfies Record<ChainState, number>;

const minerStateByCode = new Map<number, MinerState>(
  Object.entries(minerStateCodes).map(([state, code]) => [code, state as MinerState]),
);
const chainStateByCode = new Map<number, ChainState>(
  Object.entries(chainStateCodes).map(([state, code]) => [code, state as ChainState]),
);

export const minerStateOf = (code: number): MinerState => minerStateByCode.get(code) ?? 'unknown';
export const chainStateOf = (code: number): ChainState => chainStateByCode.get(code) ?? 'unknown';

/** A value in the column's unit; NaN, ±Infinity and null all become NULL ("the miner did not say"). */
export function encode(value: number | null | undefined, scale: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * scale);
}

export function decode(stored: number | null, scale: number): number | null {
  return stored === null ? null : scale === 1 ? stored : stored / scale;
}

/** SQLite's round(): half away from zero (Math.round rounds -2.5 to -2), so JS folds match SQL folds. */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

export const toSeconds = (ms: number): number => Math.floor(ms / 1000);
export const minuteOf = (seconds: number): number => Math.floor(seconds / 60);
export const bucketOf = (seconds: number): number => Math.floor(seconds / BUCKET_S);
export const hourOf = (seconds: number): number => Math.floor(seconds / HOUR_S);
/** First bucket number that starts at or after `ms` (range ends are exclusive). */
export const bucketCeil = (ms: number): number => Math.ceil(ms / 1000 / BUCKET_S);
export const hourCeil = (ms: number): number => Math.ceil(ms / 1000 / HOUR_S);
