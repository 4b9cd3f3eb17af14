/**
 * Dropping what the retention settings no longer keep. A level is pruned only below what has been folded from
 * it, so raw samples never disappear before their 5-minute rows exist (nor 5-minute rows before their hours).
 * Each cutoff only moves forward, and a level is touched only when its cutoff moved since the last prune.
 */
import type Database from 'better-sqlite3';

import { BUCKETS_PER_HOUR, BUCKET_S, HOUR_S, MINUTES_PER_BUCKET, bucketOf, hourOf } from './history-codec';
import type { Retention } from './history-types';
import type { RollupState } from './rollup';

/** Delete everything before these (bucket numbers, hour numbers); null: nothing new to delete at that level. */
export type PrunePlan = {
  rawBefore: number | null;
  bucketsBefore: number | null;
  hoursBefore: number | null;
};

const DAY_S = 86_400;

export function planPrune(
  nowS: number,
  retention: Retention,
  done: { bucketsDoneTo: number; hoursDoneTo: number },
  pruned: Pick<RollupState, 'rawPrunedTo' | 'bucketsPrunedTo' | 'hoursPrunedTo'>,
): PrunePlan {
  const raw = Math.min(bucketOf(nowS - retention.rawHours * HOUR_S), done.bucketsDoneTo);
  const buckets = Math.min(
    bucketOf(nowS - retention.fiveMinuteDays * DAY_S),
    done.hoursDoneTo * BUCKETS_PER_HOUR,
  );
  const hours = hourOf(nowS - retention.hourlyDays * DAY_S);
  const advanced = (cut: number, was: number | null) => (was === null || cut > was ? cut : null);
  return {
    rawBefore: advanced(raw, pruned.rawPrunedTo),
    bucketsBefore: advanced(buckets, pruned.bucketsPrunedTo),
    hoursBefore: advanced(hours, pruned.hoursPrunedTo),
  };
}

export function preparePrune(db: Database.Database) {
  const s = <P extends unknown[]>(text: string) => db.prepare<P>(text);
  return {
    raw: s<[number]>(`DELETE FROM rig_samples WHERE minute < ? * ${MINUTES_PER_BUCKET}`),
    rigBuckets: s<[number]>('DELETE FROM rig_samples_5m WHERE bucket < ?'),
    fleetBuckets: s<[number]>('DELETE FROM fleet_samples_5m WHERE bucket < ?'),
    // Pool worker snapshots are as fine-grained as 5-minute rows, balances as coarse as hours.
    poolWorkers: s<[number]>('DELETE FROM pool_worker_samples WHERE at_s < ?'),
    rigHours: s<[number]>('DELETE FROM rig_samples_1h WHERE hour < ?'),
    fleetHours: s<[number]>('DELETE FROM fleet_samples_1h WHERE hour < ?'),
    events: s<[number]>('DELETE FROM events WHERE at_ms < ?'),
    balances: s<[number]>('DELETE FROM pool_balance_samples WHERE at_s < ?'),
    setRaw: s<[number]>('UPDATE rollup_state SET raw_pruned_to = ? WHERE id = 1'),
    setBuckets: s<[number]>('UPDATE rollup_state SET buckets_pruned_to = ? WHERE id = 1'),
    setHours: s<[number]>('UPDATE rollup_state SET hours_pruned_to = ? WHERE id = 1'),
  };
}

export function runPrune(db: Database.Database, st: ReturnType<typeof preparePrune>, plan: PrunePlan): void {
  const { rawBefore: raw, bucketsBefore: buckets, hoursBefore: hours } = plan;
  if (raw === null && buckets === null && hours === null) return;
  db.transaction(() => {
    if (raw !== null) {
      st.raw.run(raw);
      st.setRaw.run(raw);
    }
    if (buckets !== null) {
      st.rigBuckets.run(buckets);
      st.fleetBuckets.run(buckets);
      st.poolWorkers.run(buckets * BUCKET_S);
      st.setBuckets.run(buckets);
    }
    if (hours !== null) {
      st.rigHours.run(hours);
      st.fleetHours.run(hours);
      st.events.run(hours * HOUR_S * 1000);
      st.balances.run(hours * HOUR_S);
      st.setHours.run(hours);
    }
  })();
}
