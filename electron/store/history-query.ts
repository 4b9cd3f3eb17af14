/**
 * Reading history: choose the resolution, read the stored rows, and compute the part maintain() has not folded
 * yet (the tail) from the level below with the same SQL, so a chart always reaches the last sample.
 */
import type Database from 'better-sqlite3';

import type { HistoryQuery, HistoryResolution } from '../../shared/telemetry';
import {
  BUCKETS_PER_HOUR,
  BUCKET_S,
  HOUR_S,
  MINUTES_PER_BUCKET,
  bucketCeil,
  bucketOf,
  hourCeil,
  hourOf,
  minuteOf,
} from './history-codec';
import { type AggRow, sql } from './history-sql';
import { foldToHours } from './rollup';
import { expandRow } from './spread-codec';

const HOUR_MS = HOUR_S * 1000;
/** Raw for ranges up to 6 h (≤ 1,440 points at 15 s), 5-minute rows up to 10 days (≤ 2,880), hours beyond. */
export const RAW_MAX_SPAN_MS = 6 * HOUR_MS;
export const BUCKETS_MAX_SPAN_MS = 240 * HOUR_MS;
/** A fleet view at raw resolution reads every rig's samples: keep it to about this many rows. */
export const FLEET_RAW_MAX_ROWS = 100_000;
const ASSUMED_POLL_MS = 15_000;

/** The oldest bucket number each level can answer for (a level includes its unfolded tail), null when empty. */
export type Horizons = { raw: number | null; buckets: number | null; hours: number | null };

const levels: readonly HistoryResolution[] = ['raw', '5m', '1h'];

/**
 * The finest resolution that keeps the answer small, then coarser while that level no longer reaches back to
 * the start of the range (raw is kept 48 h by default: a day last week comes from 5-minute rows).
 */
export function pickResolution(
  q: { fromMs: number; toMs: number; fleet: boolean; rigCount: number },
  horizons: Horizons,
): HistoryResolution {
  const span = q.toMs - q.fromMs;
  const fleetRawRows = (span / ASSUMED_POLL_MS) * q.rigCount;
  let i =
    span <= RAW_MAX_SPAN_MS && (!q.fleet || fleetRawRows <= FLEET_RAW_MAX_ROWS)
      ? 0
      : span <= BUCKETS_MAX_SPAN_MS
        ? 1
        : 2;
  const known = [horizons.raw, horizons.buckets, horizons.hours].filter((h): h is number => h !== null);
  if (known.length === 0) return levels[i] ?? '1h';
  const reach = Math.max(bucketOf(Math.floor(q.fromMs / 1000)), Math.min(...known));
  const horizonAt = [horizons.raw, horizons.buckets, horizons.hours];
  while (i < 2 && !((horizonAt[i] ?? Infinity) <= reach)) i++;
  return levels[i] ?? '1h';
}

export type QueryStatements = ReturnType<typeof prepareQuery>;

export function prepareQuery(db: Database.Database) {
  const rows = <P extends unknown[]>(text: string) => db.prepare<P, AggRow>(text).raw(true);
  const one = <P extends unknown[]>(text: string) => db.prepare<P, number | null>(text).pluck();
  return {
    rigKey: one<[string]>('SELECT key FROM rig_keys WHERE rig_id = ?'),
    rigCount: one<[]>('SELECT count(*) FROM rig_keys'),
    // Newest first along the primary key: a rig seen recently is found in the first pages.
    lastRawSecond: one<[number]>(
      'SELECT minute * 60 + second FROM rig_samples WHERE rig = ? ORDER BY minute DESC, second DESC LIMIT 1',
    ),
    lastBucket: one<[number]>('SELECT bucket FROM rig_samples_5m WHERE rig = ? ORDER BY bucket DESC LIMIT 1'),
    lastHour: one<[number]>('SELECT hour FROM rig_samples_1h WHERE rig = ? ORDER BY hour DESC LIMIT 1'),
    rawHorizon: one<[]>(`SELECT min(minute) / ${MINUTES_PER_BUCKET} FROM rig_samples`),
    bucketHorizon: one<[]>('SELECT min(bucket) FROM fleet_samples_5m'),
    hourHorizon: one<[]>('SELECT min(hour) FROM fleet_samples_1h'),
    rigRaw: rows<[number, number, number, number, number]>(sql.rigRaw),
    rigBucketsFromRaw: rows<[number, number, number]>(sql.rigBucketsFromRaw),
    rigBuckets: db.prepare<[number, number, number], unknown[]>(sql.rigBuckets).raw(true),
    rigHours: db.prepare<[number, number, number], unknown[]>(sql.rigHours).raw(true),
    fleetMinutes: rows<[number, number, number, number]>(sql.fleetMinutes),
    fleetBucketsFromRaw: rows<[number, number]>(sql.fleetBucketsFromRaw),
    fleetBuckets: rows<[number, number]>(sql.fleetBuckets),
    fleetHours: rows<[number, number]>(sql.fleetHours),
  };
}

export function horizons(st: QueryStatements): Horizons {
  const raw = st.rawHorizon.get() ?? null;
  const folded = st.bucketHorizon.get() ?? null;
  const hour = st.hourHorizon.get() ?? null;
  const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const buckets = min(folded, raw);
  return { raw, buckets, hours: min(hour === null ? null : hour * BUCKETS_PER_HOUR, buckets) };
}

/** Where maintain() stands: levels below these are stored, the rest is computed from the level below. */
export type Folded = { bucketsDoneTo: number | null; hoursDoneTo: number | null };

/** Rows with their time converted to epoch ms. `rig` is a rig key, or null for the fleet. */
export type QueryRows = { resolution: HistoryResolution; rows: AggRow[] };

export function readRows(
  st: QueryStatements,
  q: Pick<HistoryQuery, 'fromMs' | 'toMs'>,
  rig: number | null,
  resolution: HistoryResolution,
  folded: Folded,
): QueryRows {
  const fromS = Math.ceil(q.fromMs / 1000);
  const toS = Math.ceil(q.toMs / 1000);
  if (resolution === 'raw') {
    const mFrom = minuteOf(fromS);
    const mTo = minuteOf(toS - 1) + 1;
    const rows =
      rig === null
        ? withTime(st.fleetMinutes.all(mFrom, mTo, fromS, toS), 60_000)
        : withTime(st.rigRaw.all(mFrom, mTo, rig, fromS, toS), 1000);
    return { resolution, rows };
  }
  if (resolution === '5m') {
    const rows = bucketRows(st, rig, bucketOf(Math.floor(q.fromMs / 1000)), bucketCeil(q.toMs), folded);
    return { resolution, rows: withTime(rows, BUCKET_S * 1000) };
  }
  const hFrom = hourOf(Math.floor(q.fromMs / 1000));
  const hTo = hourCeil(q.toMs);
  const split = clamp(folded.hoursDoneTo ?? hFrom, hFrom, hTo);
  const stored = rig === null ? st.fleetHours.all(hFrom, split) : seek(st.rigHours, hFrom, split, rig);
  const tail =
    split < hTo
      ? foldToHours(
          bucketRows(st, rig, split * BUCKETS_PER_HOUR, hTo * BUCKETS_PER_HOUR, folded),
          rig === null ? 'fleet' : 'rig',
        )
      : [];
  return { resolution, rows: withTime([...stored, ...tail], HOUR_MS) };
}

/** 5-minute rows for buckets [from, to): stored below the fold line, computed from raw above it. */
function bucketRows(
  st: QueryStatements,
  rig: number | null,
  from: number,
  to: number,
  folded: Folded,
): AggRow[] {
  const split = clamp(folded.bucketsDoneTo ?? from, from, to);
  const stored = rig === null ? st.fleetBuckets.all(from, split) : seek(st.rigBuckets, from, split, rig);
  if (split >= to) return stored;
  const tail =
    rig === null
      ? st.fleetBucketsFromRaw.all(split, to)
      : st.rigBucketsFromRaw.all(split * MINUTES_PER_BUCKET, to * MINUTES_PER_BUCKET, rig);
  return [...stored, ...tail];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The seek statements enumerate [from, to) and always yield `from` itself, so an empty range is not asked. */
const seek = (st: QueryStatements['rigBuckets'], from: number, to: number, rig: number): AggRow[] =>
  from < to ? st.all(from, to, rig).map(expandRow) : [];

function withTime(rows: AggRow[], unitMs: number): AggRow[] {
  for (const r of rows) r[0] = (r[0] ?? 0) * unitMs;
  return rows;
}
