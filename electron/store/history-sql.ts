/**
 * The SQL texts of history, built once from `metricCodecs` (constants only, never user input). Every reader
 * returns the same row shape, an AggRow: [time, n, then avg, min, max of each metric in `allMetrics` order],
 * time in the level's unit (seconds for raw, bucket numbers, hour numbers, minutes for the fleet's raw view).
 * Rollups and the on-the-fly tails of queries share these texts, so a tail equals what maintain() later stores.
 */
import {
  BUCKETS_PER_HOUR,
  MINUTES_PER_BUCKET,
  type MetricCodec,
  allMetrics,
  metricCodecs,
} from './history-codec';
import { STORED_ROLLUP_COLUMNS } from './spread-codec';

export type AggRow = (number | null)[];

const codecs: readonly MetricCodec[] = allMetrics.map((m) => metricCodecs[m]);
const cols = codecs.map((c) => c.column);
const stems = (suffixes: readonly string[]) => cols.flatMap((c) => suffixes.map((s) => `${c}${s}`));

/** The 21 rollup columns in AggRow order. */
export const ROLLUP_COLUMNS = stems(['_avg', '_min', '_max']).join(', ');
export const RAW_COLUMNS = cols.join(', ');

const places = (n: number) => Array(n).fill('?').join(', ');
const avgInt = (expr: string) => `CAST(round(${expr}) AS INTEGER)`;

/**
 * One rig's samples → avg (rounded to the unit), min, max per metric, named like the rollup columns: the fleet
 * combines these, whether they come from rig_samples_5m or are computed from raw for the tail.
 */
const rigAggregate = cols
  .map((c) => `${avgInt(`avg(${c})`)} AS ${c}_avg, min(${c}) AS ${c}_min, max(${c}) AS ${c}_max`)
  .join(', ');

const power = metricCodecs.power_w;
const hash = metricCodecs.hashrate_mhs;
/** Σ power / Σ hashrate over rigs that report both, in efficiency's stored unit. */
const fleetRatio = (c: MetricCodec) => {
  const both = `${hash.column}_avg > 0 AND ${power.column}_avg IS NOT NULL`;
  const factor = (c.scale * hash.scale) / power.scale;
  // × 1.0: the sums are integers, and SQLite would divide them as integers.
  const r = avgInt(
    `${factor} * 1.0 * sum(CASE WHEN ${both} THEN ${power.column}_avg END) / sum(CASE WHEN ${both} THEN ${hash.column}_avg END)`,
  );
  return `${r}, ${r}, ${r}`;
};

/** Rigs → fleet in one bucket: sums for rates and power, hottest rig for temperatures, slowest for fans. */
const fleetCombine = codecs
  .map((c) => {
    const x = c.column;
    switch (c.fleet) {
      case 'sum':
        return `${avgInt(`sum(${x}_avg)`)}, sum(${x}_min), sum(${x}_max)`;
      case 'max':
        return `${avgInt(`max(${x}_avg)`)}, max(${x}_min), max(${x}_max)`;
      case 'min':
        return `${avgInt(`min(${x}_avg)`)}, min(${x}_min), min(${x}_max)`;
      case 'ratio':
        return fleetRatio(c);
    }
  })
  .join(', ');

/** Fleet rows from raw samples grouped by `group` (a time expression); `where` bounds the raw rows read. */
const fleetFromRaw = (group: string, where: string) =>
  `SELECT g, count(*), ${fleetCombine} FROM (SELECT ${group} AS g, rig, ${rigAggregate} ` +
  `FROM rig_samples WHERE ${where} GROUP BY g, rig) GROUP BY g ORDER BY g`;

/** Minutes, buckets or hours [from, to) enumerated, so one rig's rows are read by a primary-key seek for each. */
const bucketSeq = 'WITH RECURSIVE bk(b) AS (SELECT ? UNION ALL SELECT b + 1 FROM bk WHERE b + 1 < ?)';
const T = 's.minute * 60 + s.second';
const B = `minute / ${MINUTES_PER_BUCKET}`;
/** Raw rows of buckets [?, ?): a contiguous run of the primary key. */
const inBuckets = `minute >= ? * ${MINUTES_PER_BUCKET} AND minute < ? * ${MINUTES_PER_BUCKET}`;

export const sql = {
  insertSample:
    `INSERT OR REPLACE INTO rig_samples (minute, rig, second, ${RAW_COLUMNS}, miner_state, chains) ` +
    `VALUES (${Array(cols.length + 5)
      .fill('?')
      .join(', ')})`,
  /** Chains whose sample came in an earlier batch: they join that sample's row (chain-codec.ts). */
  attachChains: 'UPDATE rig_samples SET chains = ? WHERE minute = ? AND rig = ? AND second = ?',

  /**
   * A bucket fold aggregates raw once into a scratch table (this connection's, in memory), then writes the
   * per-rig rows from it with min and max packed in JS (spread-codec.ts) and the fleet row in SQL.
   */
  createFoldScratch: `CREATE TEMP TABLE IF NOT EXISTS fold_5m (bucket, rig, n, ${ROLLUP_COLUMNS})`,
  /** Params: bucket from, bucket to. */
  foldToScratch:
    `INSERT INTO temp.fold_5m (bucket, rig, n, ${ROLLUP_COLUMNS}) ` +
    `SELECT ${B} AS b, rig, count(*), ${rigAggregate} FROM rig_samples WHERE ${inBuckets} GROUP BY b, rig`,
  /** AggRows with the rig key last. */
  readScratch: `SELECT bucket, n, ${ROLLUP_COLUMNS}, rig FROM temp.fold_5m`,
  insertRigBucket: `INSERT OR REPLACE INTO rig_samples_5m (bucket, rig, n, ${STORED_ROLLUP_COLUMNS}) VALUES (${places(
    cols.length + 4,
  )})`,
  foldFleetBuckets:
    `INSERT OR REPLACE INTO fleet_samples_5m (bucket, n, ${ROLLUP_COLUMNS}) ` +
    `SELECT bucket, count(*), ${fleetCombine} FROM temp.fold_5m GROUP BY bucket`,
  clearScratch: 'DELETE FROM temp.fold_5m',
  /** Params: bucket from, bucket to (one hour). Folded per rig in JS (rollup.ts), which reads the spread. */
  rigBucketsOfHour: `SELECT rig, n, ${STORED_ROLLUP_COLUMNS} FROM rig_samples_5m WHERE bucket >= ? AND bucket < ?`,
  insertRigHour: `INSERT OR REPLACE INTO rig_samples_1h (hour, rig, n, ${STORED_ROLLUP_COLUMNS}) VALUES (${places(
    cols.length + 4,
  )})`,
  /** The fleet's hour is the mean of its 5-minute rows: a rig down half the hour counts half. */
  foldFleetHours:
    `INSERT OR REPLACE INTO fleet_samples_1h (hour, n, ${ROLLUP_COLUMNS}) ` +
    `SELECT bucket / ${BUCKETS_PER_HOUR} AS h, max(n), ` +
    cols.map((c) => `${avgInt(`avg(${c}_avg)`)}, min(${c}_min), max(${c}_max)`).join(', ') +
    ' FROM fleet_samples_5m WHERE bucket >= ? AND bucket < ? GROUP BY h',

  /** Params: minute from, minute to, rig key, t from (s), t to (s). */
  rigRaw:
    `${bucketSeq} SELECT ${T} AS t, 1, ${cols.map((c) => `${c}, ${c}, ${c}`).join(', ')} ` +
    `FROM bk JOIN rig_samples s ON s.minute = bk.b AND s.rig = ? WHERE ${T} >= ? AND ${T} < ? ORDER BY t`,
  /** Params: minute from, minute to (whole buckets), rig key. One rig's 5-minute rows from raw (the unfolded tail). */
  rigBucketsFromRaw:
    `${bucketSeq} SELECT s.${B} AS g, count(*), ${rigAggregate} ` +
    'FROM bk JOIN rig_samples s ON s.minute = bk.b AND s.rig = ? GROUP BY g ORDER BY g',
  /** Params: from, to (bucket or hour numbers), rig key. Stored rows: expandRow() makes them AggRows. */
  rigBuckets:
    `${bucketSeq} SELECT r.bucket, n, ${STORED_ROLLUP_COLUMNS} ` +
    'FROM bk JOIN rig_samples_5m r ON r.bucket = bk.b AND r.rig = ? ORDER BY r.bucket',
  rigHours:
    `${bucketSeq} SELECT r.hour, n, ${STORED_ROLLUP_COLUMNS} ` +
    'FROM bk JOIN rig_samples_1h r ON r.hour = bk.b AND r.rig = ? ORDER BY r.hour',

  /** Params: minute from, minute to, t from (s), t to (s). Fleet at raw resolution: 1-minute buckets. */
  fleetMinutes: fleetFromRaw(
    'minute',
    'minute >= ? AND minute < ? AND minute * 60 + second >= ? AND minute * 60 + second < ?',
  ),
  /** Params: bucket from, bucket to. */
  fleetBucketsFromRaw: fleetFromRaw(B, inBuckets),
  fleetBuckets: `SELECT bucket, n, ${ROLLUP_COLUMNS} FROM fleet_samples_5m WHERE bucket >= ? AND bucket < ? ORDER BY bucket`,
  fleetHours: `SELECT hour, n, ${ROLLUP_COLUMNS} FROM fleet_samples_1h WHERE hour >= ? AND hour < ? ORDER BY hour`,
} as const;
