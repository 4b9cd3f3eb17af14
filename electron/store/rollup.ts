/**
 * Folding raw samples into 5-minute rows and those into hourly rows. Incremental: the state row says how far
 * each level is done, so a call folds only buckets finished since the last one (plus buckets that late samples
 * reopened). Every fold is INSERT OR REPLACE from the level below, so folding a range twice gives the same rows.
 */
import type Database from 'better-sqlite3';

import { BUCKETS_PER_HOUR, MINUTES_PER_BUCKET, allMetrics, bucketOf, roundHalfAway } from './history-codec';
import { type AggRow, sql } from './history-sql';
import { expandRow, packSpread } from './spread-codec';

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
    foldRigBuckets: db.prepare<[number, number]>(sql.foldRigBuckets),
    foldFleetBuckets: db.prepare<[number, number]>(sql.foldFleetBuckets),
    rigBucketsOfHours: db.prepare<[number, number], unknown[]>(sql.rigBucketsOfHours).raw(true),
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

function foldBuckets(st: RollupStatements, r: Range): void {
  st.foldRigBuckets.run(r.from, r.to);
  st.foldFleetBuckets.run(r.from, r.to);
}

/**
 * Per rig in JS, as a query's unfolded tail is (foldToHours): min and max are packed in the 5-minute rows'
 * spread, which SQL cannot read. Rows come ordered by rig, then bucket.
 */
function foldHours(st: RollupStatements, r: Range): void {
  const rows = st.rigBucketsOfHours.all(r.from * H, r.to * H);
  let i = 0;
  while (i < rows.length) {
    const rig = rows[i]?.[3 + allMetrics.length];
    const group: AggRow[] = [];
    for (; i < rows.length && rows[i]?.[3 + allMetrics.length] === rig; i++)
      group.push(expandRow(rows[i] ?? []));
    for (const hour of foldToHours(group, 'rig')) {
      st.insertRigHour.run(
        hour[0] ?? null,
        typeof rig === 'number' ? rig : null,
        hour[1] ?? null,
        ...allMetrics.map((_, m) => hour[2 + 3 * m] ?? null),
        packSpread(hour),
      );
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
