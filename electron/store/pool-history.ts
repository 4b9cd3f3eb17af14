/**
 * Snapshots of what the ProHashing connector reports (shared/pool.ts), kept over time for pool charts and for
 * checking local hashrate against what the pool credits. Written on the pool's own cadence, one transaction each;
 * maintain() prunes workers with the 5-minute retention and balances with the hourly one.
 */
import type { PoolBalance, PoolWorker } from '../../shared/pool';
import type { Db } from './db';
import { toSeconds } from './history-codec';
import { poolBalanceSamples, poolWorkerSamples } from './schema';

export function recordPoolSnapshot(
  db: Db,
  atMs: number,
  workers: readonly PoolWorker[],
  balances: readonly PoolBalance[],
): void {
  const atS = toSeconds(atMs);
  db.transaction((tx) => {
    for (const w of workers) {
      tx.insert(poolWorkerSamples)
        .values({
          worker: w.name,
          atS,
          online: w.online,
          hashrateHs: w.hashrateHs,
          shareCount: w.shareCount,
          connections: w.connections,
        })
        .onConflictDoNothing()
        .run();
    }
    for (const b of balances) {
      tx.insert(poolBalanceSamples)
        .values({
          coin: b.coin,
          atS,
          balance: b.balance,
          unpaid: b.unpaid,
          paid24h: b.paid24h,
          total: b.total,
          paid: b.paid,
        })
        .onConflictDoNothing()
        .run();
    }
  });
}
