/**
 * The recent past of every rig at once, for the recommendation engine: hourly averages over the day, quarter-hour
 * ones (from the 5-minute rollups) over the last hours, and each chain's orange/red chips at the start of a window. One range read per
 * table on its leading key (hour, bucket, minute), never one query per rig: at 1,000 rigs the engine's whole
 * evaluation has 200 ms (bench/advice.ts).
 */
import { type ChainBaseline, type HistoryPoint, type RecentHistory } from '../advice/types';
import { unpackChains } from './chain-codec';
import { type Db } from './db';
import { BUCKET_S, HOUR_S, metricCodecs } from './history-codec';

export type RecentRequest = {
  nowMs: number;
  /** Hourly averages this far back (before the 5-minute part). */
  hourlyMs: number;
  /** 5-minute averages this far back. */
  fiveMinuteMs: number;
  /** Chain chips are read from this far back (the first samples of that minute onwards, a few minutes' worth). */
  chainsAgoMs: number;
};

type Row = [number, number, number | null, number | null, number | null];
type ChainRow = [number, number, number, Buffer];

const H = metricCodecs.hashrate_mhs.scale;
const P = metricCodecs.power_w.scale;
const C = metricCodecs.chip_temp_max_c.scale;
const CHAIN_SPAN_MIN = 5;
const QUARTER_BUCKETS = 3;

export type RecentHistoryReader = (req: RecentRequest) => Map<string, RecentHistory>;

export function createRecentHistoryReader(db: Db): RecentHistoryReader {
  const cols = 'rig, hashrate_mhs_avg, power_w_avg, chip_temp_dc_avg';
  // No join to rig_keys: SQLite may put rig_keys outside and scan the samples once per rig. The keys are read
  // apart (one row per rig) and matched here.
  const keys = db.$client.prepare<[]>('SELECT key, rig_id FROM rig_keys').raw();
  const hourly = db.$client
    .prepare<[number, number]>(`SELECT hour, ${cols} FROM rig_samples_1h WHERE hour >= ? AND hour < ?`)
    .raw();
  // The 5-minute rows folded three by three in SQL: a quarter-hour is fine enough for a line over hours and a
  // last hour's average, and handing a third of the rows to JavaScript is most of what this read costs.
  const quarter = `${QUARTER_BUCKETS}`;
  const fiveMinute = db.$client
    .prepare<[number, number]>(
      `SELECT bucket / ${quarter} AS q, rig, avg(hashrate_mhs_avg), avg(power_w_avg), avg(chip_temp_dc_avg) ` +
        'FROM rig_samples_5m WHERE bucket >= ? AND bucket < ? GROUP BY q, rig',
    )
    .raw();
  const chains = db.$client
    .prepare<[number, number]>(
      'SELECT rig, minute, second, chains FROM rig_samples ' +
        'WHERE minute >= ? AND minute < ? AND chains IS NOT NULL ORDER BY minute, second',
    )
    .raw();

  return (req) => {
    const out = new Map<string, RecentHistory>();
    const byKey = new Map<number, RecentHistory>();
    for (const [key, rigId] of keys.all() as Array<[number, string]>) {
      const h: RecentHistory = { points: [], chains: [] };
      byKey.set(key, h);
      out.set(rigId, h);
    }
    const of = (key: number): RecentHistory => byKey.get(key) ?? { points: [], chains: [] };
    const add = (rows: Row[], unitS: number) => {
      for (const [t, rigKey, hr, pw, chip] of rows) {
        const point: HistoryPoint = {
          atMs: (t + 0.5) * unitS * 1000,
          hashrateMhs: hr === null ? null : hr / H,
          powerW: pw === null ? null : pw / P,
          chipTempC: chip === null ? null : chip / C,
        };
        of(rigKey).points.push(point);
      }
    };
    const nowS = req.nowMs / 1000;
    const quarterS = QUARTER_BUCKETS * BUCKET_S;
    // Whole quarters, so each group holds the same three buckets every time.
    const fiveFrom = Math.floor((nowS - req.fiveMinuteMs / 1000) / quarterS) * QUARTER_BUCKETS;
    // Whole hours that end before the 5-minute part starts, so no stretch of time is counted twice.
    const hourTo = Math.floor((fiveFrom * BUCKET_S) / HOUR_S);
    const hourFrom = Math.floor((nowS - (req.fiveMinuteMs + req.hourlyMs) / 1000) / HOUR_S);
    add(hourly.all(hourFrom, hourTo) as Row[], HOUR_S);
    add(fiveMinute.all(fiveFrom, Math.ceil(nowS / BUCKET_S)) as Row[], quarterS);
    const minute = Math.floor((req.nowMs - req.chainsAgoMs) / 60_000);
    for (const [rigKey, m, s, packed] of chains.all(minute, minute + CHAIN_SPAN_MIN) as ChainRow[]) {
      const h = of(rigKey);
      for (const c of unpackChains(packed)) {
        // The first sample of each chain in the span: rows come oldest first.
        if (h.chains.some((x) => x.chainId === c.chain)) continue;
        const base: ChainBaseline = {
          chainId: c.chain,
          atMs: (m * 60 + s) * 1000,
          red: c.chipsRed ?? 0,
          orange: c.chipsOrange ?? 0,
        };
        h.chains.push(base);
      }
    }
    return out;
  };
}
