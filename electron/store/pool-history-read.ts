/**
 * Reads of the pool snapshots (pool-history.ts) for the Earnings page: balance samples per coin in a window,
 * and the account's pool hashrate over time, averaged into at most `points` buckets so a 30-day chart stays small.
 */
import type { Db } from './db';

export type BalanceRow = { coin: string; atS: number; balance: number; paid: number | null };

/** Every balance sample in [fromS, toS], per coin in time order. */
export function balanceSamples(db: Db, fromS: number, toS: number): BalanceRow[] {
  return db.$client
    .prepare<[number, number], BalanceRow>(
      `SELECT coin, at_s AS atS, balance, paid FROM pool_balance_samples
       WHERE at_s >= ? AND at_s <= ? ORDER BY coin, at_s`,
    )
    .all(fromS, toS);
}

export type SeriesPoint = [number, number];

/** The account's pool hashrate (sum of its workers at each snapshot), MH/s, averaged per bucket. */
export function poolHashrateSeries(db: Db, fromS: number, toS: number, points: number): SeriesPoint[] {
  const bucketS = Math.max(60, Math.ceil((toS - fromS) / Math.max(1, points)));
  // Bound numbers arrive as REAL: cast, or the division is not a bucket number.
  const rows = db.$client
    .prepare<[{ bucket: number; from: number; to: number }], { t: number; mhs: number }>(
      `SELECT b * CAST(@bucket AS INTEGER) AS t, AVG(total) / 1e6 AS mhs FROM (
         SELECT at_s / CAST(@bucket AS INTEGER) AS b, SUM(hashrate_hs) AS total FROM pool_worker_samples
         WHERE at_s >= @from AND at_s <= @to GROUP BY at_s
       ) GROUP BY b ORDER BY b`,
    )
    .all({ bucket: bucketS, from: fromS, to: toS });
  return rows.map((r) => [r.t * 1000, r.mhs]);
}

/** Balance per coin (and cumulative paid), the last sample of each bucket, at most `points` per coin. */
export function balanceSeries(
  db: Db,
  fromS: number,
  toS: number,
  points: number,
): Array<{ coin: string; points: SeriesPoint[]; paid: SeriesPoint[] }> {
  const bucketS = Math.max(60, Math.ceil((toS - fromS) / Math.max(1, points)));
  // A balance is a level, not a rate: the last sample of each bucket stands for it, never an average.
  const last = new Map<string, Map<number, BalanceRow>>();
  for (const r of balanceSamples(db, fromS, toS)) {
    let c = last.get(r.coin);
    if (!c) last.set(r.coin, (c = new Map()));
    c.set(Math.floor(r.atS / bucketS), r);
  }
  return [...last].map(([coin, rows]) => {
    const list = [...rows.values()];
    return {
      coin,
      points: list.map((r): SeriesPoint => [r.atS * 1000, r.balance]),
      paid: list.flatMap((r): SeriesPoint[] => (r.paid === null ? [] : [[r.atS * 1000, r.paid]])),
    };
  });
}
