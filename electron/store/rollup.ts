/**
 * Folding raw samples into 5-minute rows and those into hourly rows. Incremental: the state row says how far
 * each level is done, so a call folds only buckets finished since the last one (plus buckets that late samples
 * reopened). Every fold is INSERT OR REPLACE from the level below, so folding a range twice gives the same rows.
 */
import type Database from 'better-sqlite3';

import { BUCKETS_PER_HOUR, MINUTES_PER_BUCKET, allMetrics, bucketOf, roundHalfAway } from './history-codec';
import { type AggRow, sql } from './history-sql';
import { packSpread } from './spread-codec';
import { tokenReader } from './varint';

/** Half-open [from, to) in bucket or hour numbers. */
export type Range = { from: number; to: number };

export type RollupState = {
  bucketsDoneTo: number | null;
  hoursDoneTo: number | null;
  dirtyFrom: number | null;
  dirtyTo: number | null;
  rawPrunedTo: number | null;
  bucketsPrunedTo: number | null;
  hoursPrunedTo: number | null;
};

export type FoldPlan = {
  /** Already-folded buckets that late samples changed, and the folded hours above them: one transaction. */
  refold: { buckets: Range; hours: Range | null } | null;
  clearDirty: boolean;
  /** Newly finished buckets, then the hours they complete. */
  buckets: Range | null;
  hours: Range | null;
  bucketsDoneTo: number;
  hoursDoneTo: number;
};

const H = BUCKETS_PER_HOUR;

/**
 * What to fold at `nowS`. A bucket is finished once its 5 minutes have passed; an hour once its 12 buckets are
 * folded. Folding starts at the oldest raw row the first time. Reopened buckets are folded again only while raw
 * still holds all of them (never below rawPrunedTo), and their hours only while the 5-minute rows do.
 */
export function planFolds(state: RollupState, nowS: number, oldestRawBucket: number | null): FoldPlan {
  const endB = bucketOf(nowS);
  let startB = state.bucketsDoneTo ?? oldestRawBucket ?? endB;
  if (oldestRawBucket !== null && oldestRawBucket > startB) startB = oldestRawBucket;
  const bucketsDoneTo = Math.max(startB, endB);
  const startH = state.hoursDoneTo ?? Math.floor(startB / H);
  const hoursDoneTo = Math.max(startH, Math.floor(bucketsDoneTo / H));

  let refold: FoldPlan['refold'] = null;
  if (state.dirtyFrom !== null && state.dirtyTo !== null) {
    const from = Math.max(state.dirtyFrom, state.rawPrunedTo ?? -Infinity);
    const to = Math.min(state.dirtyTo + 1, startB);
    if (from < to) {
      const hFrom = Math.max(Math.floor(from / H), Math.ceil((state.bucketsPrunedTo ?? -Infinity) / H));
      const hTo = Math.min(Math.ceil(to / H), startH);
      refold = { buckets: { from, to }, hours: hFrom < hTo ? { from: hFrom, to: hTo } : null };
    }
  }
  return {
    refold,
    clearDirty: state.dirtyFrom !== null,
    buckets: startB < endB ? { from: startB, to: endB } : null,
    hours: startH < hoursDoneTo ? { from: startH, to: hoursDoneTo } : null,
    bucketsDoneTo,
    hoursDoneTo,
  };
}

/** Splits a range into pieces of at most `size`, so no single transaction holds the writer for long. */
export function chunks(range: Range, size: number): Range[] {
  const out: Range[] = [];
  for (let from = range.from; from < range.to; from += size)
    out.push({ from, to: Math.min(range.to, from + size) });
  return out;
}

/**
 * The JS twin of the SQL hour folds, for the unfolded tail of a query: rows of 5-minute AggRows (time = bucket
 * number, ascending) → hour rows. Per rig: averages weighted by sample count; for the fleet: the mean of the
 * 5-minute figures. Same rounding as SQLite, so a tail equals what maintain() stores later.
 */
export function foldToHours(rows: readonly AggRow[], mode: 'rig' | 'fleet'): AggRow[] {
  const out: AggRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const hour = Math.floor((rows[i]?.[0] ?? 0) / H);
    let j = i;
    while (j < rows.length && Math.floor((rows[j]?.[0] ?? 0) / H) === hour) j++;
    out.push(foldGroup(hour, rows.slice(i, j), mode));
    i = j;
  }
  return out;
}

function foldGroup(hour: number, group: readonly AggRow[], mode: 'rig' | 'fleet'): AggRow {
  const ns = group.map((r) => r[1] ?? 0);
  const row: AggRow = [hour, mode === 'rig' ? ns.reduce((a, b) => a + b, 0) : Math.max(...ns)];
  for (let m = 0; m < allMetrics.length; m++) {
    let weighted = 0;
    let weight = 0;
    let min: number | null = null;
    let max: number | null = null;
    group.forEach((r, k) => {
      const avg = r[2 + 3 * m] ?? null;
      const lo = r[3 + 3 * m] ?? null;
      const hi = r[4 + 3 * m] ?? null;
      const w = mode === 'rig' ? (ns[k] ?? 0) : 1;
      if (avg !== null) {
        weighted += avg * w;
        weight += w;
      }
      if (lo !== null) min = min === null ? lo : Math.min(min, lo);
      if (hi !== null) max = max === null ? hi : Math.max(max, hi);
    });
    row.push(weight > 0 ? roundHalfAway(weighted / weight) : null, min, max);
  }
  return row;
}

export type RollupStatements = ReturnType<typeof prepareRollup>;

export function prepareRollup(db: Database.Database) {
  db.exec(sql.createFoldScratch);
  return {
    readState: db.prepare<[], RollupState>(
      'SELECT buckets_done_to AS bucketsDoneTo, hours_done_to AS hoursDoneTo, dirty_from AS dirtyFrom, ' +
        'dirty_to AS dirtyTo, raw_pruned_to AS rawPrunedTo, buckets_pruned_to AS bucketsPrunedTo, ' +
        'hours_pruned_to AS hoursPrunedTo FROM rollup_state WHERE id = 1',
    ),
    ensureState: db.prepare('INSERT OR IGNORE INTO rollup_state (id) VALUES (1)'),
    oldestRawBucket: db
      .prepare<[], number | null>(`SELECT min(minute) / ${MINUTES_PER_BUCKET} FROM rig_samples`)
      .pluck(),
    foldToScratch: db.prepare<[number, number]>(sql.foldToScratch),
    readScratch: db.prepare<[], AggRow>(sql.readScratch).raw(true),
    insertRigBucket: db.prepare<(number | Buffer | null)[]>(sql.insertRigBucket),
    foldFleetBuckets: db.prepare(sql.foldFleetBuckets),
    clearScratch: db.prepare(sql.clearScratch),
    rigBucketsOfHour: db.prepare<[number, number], unknown[]>(sql.rigBucketsOfHour).raw(true),
    insertRigHour: db.prepare<(number | Buffer | null)[]>(sql.insertRigHour),
    foldFleetHours: db.prepare<[number, number]>(sql.foldFleetHours),
    setBucketsDone: db.prepare<[number]>('UPDATE rollup_state SET buckets_done_to = ? WHERE id = 1'),
    setHoursDone: db.prepare<[number]>('UPDATE rollup_state SET hours_done_to = ? WHERE id = 1'),
    clearDirty: db.prepare('UPDATE rollup_state SET dirty_from = NULL, dirty_to = NULL WHERE id = 1'),
    markDirty: db.prepare<[{ from: number; to: number }]>(
      'UPDATE rollup_state SET dirty_from = min(coalesce(dirty_from, @from), @from), ' +
        'dirty_to = max(coalesce(dirty_to, @to), @to) WHERE id = 1',
    ),
  };
}

const nothingYet: RollupState = {
  bucketsDoneTo: null,
  hoursDoneTo: null,
  dirtyFrom: null,
  dirtyTo: null,
  rawPrunedTo: null,
  bucketsPrunedTo: null,
  hoursPrunedTo: null,
};

/** The state row (created by createHistoryStore, so reads never write). */
export function readState(st: RollupStatements): RollupState {
  return st.readState.get() ?? nothingYet;
}

const M = allMetrics.length;

function foldBuckets(st: RollupStatements, r: Range): void {
  st.foldToScratch.run(r.from, r.to);
  for (const row of st.readScratch.all()) {
    const avgs = Array.from({ length: M }, (_, m) => row[2 + 3 * m] ?? null);
    st.insertRigBucket.run(row[0] ?? null, row[2 + 3 * M] ?? null, row[1] ?? null, ...avgs, packSpread(row));
  }
  st.foldFleetBuckets.run();
  st.clearScratch.run();
}

/** One rig's hour so far: sample count, and per metric the count-weighted sum of averages, min and max. */
type HourAcc = { n: number; sum: number[]; weight: number[]; min: (number | null)[]; max: (number | null)[] };

/**
 * Hours from 5-minute rows, per rig, exactly as foldToHours folds a query's tail (averages weighted by sample
 * count, rounded as SQLite rounds): min and max are packed in the rows' spread, which SQL cannot read. Read in
 * key order, one hour at a time, accumulated per rig without building intermediate rows.
 */
function foldHours(st: RollupStatements, r: Range): void {
  for (let hour = r.from; hour < r.to; hour++) {
    const accs = new Map<number, HourAcc>();
    for (const row of st.rigBucketsOfHour.all(hour * H, (hour + 1) * H)) {
      const rig = row[0];
      const n = row[1];
      const spread = row[2 + M];
      if (typeof rig !== 'number' || typeof n !== 'number') continue;
      let acc = accs.get(rig);
      if (acc === undefined) {
        acc = {
          n: 0,
          sum: Array(M).fill(0),
          weight: Array(M).fill(0),
          min: Array(M).fill(null),
          max: Array(M).fill(null),
        };
        accs.set(rig, acc);
      }
      acc.n += n;
      const tokens = spread instanceof Uint8Array ? tokenReader(spread) : null;
      for (let m = 0; m < M; m++) {
        const avg = row[2 + m];
        if (typeof avg !== 'number') continue;
        acc.sum[m] = (acc.sum[m] ?? 0) + avg * n;
        acc.weight[m] = (acc.weight[m] ?? 0) + n;
        const lo = tokens?.next() ?? null;
        const hi = tokens?.next() ?? null;
        const min = acc.min[m] ?? null;
        const max = acc.max[m] ?? null;
        if (lo !== null) acc.min[m] = min === null ? avg - lo : Math.min(min, avg - lo);
        if (hi !== null) acc.max[m] = max === null ? avg + hi : Math.max(max, avg + hi);
      }
    }
    for (const [rig, acc] of accs) {
      const row: AggRow = [hour, acc.n];
      for (let m = 0; m < M; m++) {
        const w = acc.weight[m] ?? 0;
        row.push(w > 0 ? roundHalfAway((acc.sum[m] ?? 0) / w) : null, acc.min[m] ?? null, acc.max[m] ?? null);
      }
      const avgs = Array.from({ length: M }, (_, m) => row[2 + 3 * m] ?? null);
      st.insertRigHour.run(hour, rig, acc.n, ...avgs, packSpread(row));
    }
  }
  st.foldFleetHours.run(r.from * H, r.to * H);
}

/** Runs a plan: one transaction for the refold, then one per hour of buckets and one per day of hours. */
export function runFolds(db: Database.Database, st: RollupStatements, plan: FoldPlan): void {
  if (plan.refold || plan.clearDirty) {
    db.transaction(() => {
      if (plan.refold) {
        foldBuckets(st, plan.refold.buckets);
        if (plan.refold.hours) foldHours(st, plan.refold.hours);
      }
      st.clearDirty.run();
    })();
  }
  if (plan.buckets) {
    for (const c of chunks(plan.buckets, H)) {
      db.transaction(() => {
        foldBuckets(st, c);
        st.setBucketsDone.run(c.to);
      })();
    }
  }
  st.setBucketsDone.run(plan.bucketsDoneTo);
  if (plan.hours) {
    for (const c of chunks(plan.hours, 24)) {
      db.transaction(() => {
        foldHours(st, c);
        st.setHoursDone.run(c.to);
      })();
    }
  }
  st.setHoursDone.run(plan.hoursDoneTo);
}
