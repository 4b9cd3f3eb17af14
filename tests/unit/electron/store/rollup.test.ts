// @vitest-environment node
import { describe, expect, it } from 'vitest';

import type { AggRow } from '../../../../electron/store/history-sql';
import { type RollupState, chunks, foldToHours, planFolds } from '../../../../electron/store/rollup';
import { STORED_ROLLUP_COLUMNS, expandRow } from '../../../../electron/store/spread-codec';
import {
  DEFAULT_RETENTION,
  HOUR,
  MIN,
  T0,
  batch,
  cycle,
  historyStore,
  sample,
  tableRows,
} from '../../../helpers/history';

const B0 = T0 / 300_000;
const empty: RollupState = {
  bucketsDoneTo: null,
  hoursDoneTo: null,
  dirtyFrom: null,
  dirtyTo: null,
  rawPrunedTo: null,
  bucketsPrunedTo: null,
  hoursPrunedTo: null,
};
const nowAt = (bucket: number) => bucket * 300 + 7;

describe('planFolds', () => {
  it('starts at the oldest raw bucket and folds only finished buckets and complete hours', () => {
    const p = planFolds(empty, nowAt(105), 100);
    expect(p.buckets).toEqual({ from: 100, to: 105 });
    expect(p.bucketsDoneTo).toBe(105);
    expect(p.hours).toBeNull(); // hour 8 = buckets 96..107 is not complete yet
    expect(p.hoursDoneTo).toBe(8);
    expect(p.refold).toBeNull();
  });

  it('has nothing to fold when the watermark is current, and starts at now on an empty file', () => {
    const done = { ...empty, bucketsDoneTo: 105, hoursDoneTo: 8 };
    expect(planFolds(done, nowAt(105), 100)).toMatchObject({ buckets: null, hours: null, refold: null });
    expect(planFolds(empty, nowAt(105), null)).toMatchObject({ buckets: null, bucketsDoneTo: 105 });
  });

  it('re-folds buckets reopened by late samples and the folded hours above them', () => {
    const s = { ...empty, bucketsDoneTo: 130, hoursDoneTo: 10, dirtyFrom: 100, dirtyTo: 101, rawPrunedTo: 0 };
    const p = planFolds(s, nowAt(130), 0);
    expect(p.refold).toEqual({ buckets: { from: 100, to: 102 }, hours: { from: 8, to: 9 } });
    expect(p.clearDirty).toBe(true);
  });

  it('never re-folds a bucket raw no longer holds completely', () => {
    const s = { ...empty, bucketsDoneTo: 130, hoursDoneTo: 10, dirtyFrom: 50, dirtyTo: 60, rawPrunedTo: 55 };
    expect(planFolds(s, nowAt(130), 55).refold?.buckets).toEqual({ from: 55, to: 61 });
    const gone = { ...s, dirtyTo: 54 };
    expect(planFolds(gone, nowAt(130), 55)).toMatchObject({ refold: null, clearDirty: true });
  });

  it('splits long ranges into bounded transactions', () => {
    expect(chunks({ from: 0, to: 30 }, 12)).toEqual([
      { from: 0, to: 12 },
      { from: 12, to: 24 },
      { from: 24, to: 30 },
    ]);
  });
});

describe('foldToHours (the JS twin of the SQL hour folds)', () => {
  const row = (bucket: number, n: number, avg: number | null, min: number | null, max: number | null) => {
    const r: AggRow = [bucket, n];
    for (let m = 0; m < 7; m++) r.push(avg, min, max);
    return r;
  };

  it('weights a rig’s averages by sample count and ignores empty metrics', () => {
    const [h] = foldToHours(
      [row(12, 1, 10, 10, 10), row(13, 3, 20, 15, 25), row(14, 2, null, null, null)],
      'rig',
    );
    expect(h?.slice(0, 5)).toEqual([1, 6, 18, 10, 25]); // (10·1 + 20·3) / 4 = 17.5 → 18
  });

  it('takes the plain mean of fleet rows and the most rigs seen', () => {
    const out = foldToHours(
      [row(0, 1, 10, 1, 30), row(1, 9, 30, 2, 40), row(12, 1, -4, -5, -3), row(13, 1, -5, -5, -5)],
      'fleet',
    );
    expect(out.map((r) => r.slice(0, 5))).toEqual([
      [0, 9, 20, 1, 40],
      [1, 1, -5, -5, -3], // -4.5 rounds half away from zero, like SQLite
    ]);
  });
});

/** A per-rig rollup table's rows with min and max unpacked: hashrate avg/min/max (a, lo, hi), chip temp avg (t). */
function rigRollups(db: ReturnType<typeof historyStore>['db'], table: 'rig_samples_5m' | 'rig_samples_1h') {
  const key = table === 'rig_samples_5m' ? 'bucket' : 'hour';
  return db.$client
    .prepare<[], unknown[]>(
      `SELECT ${key}, n, ${STORED_ROLLUP_COLUMNS}, rig FROM ${table} ORDER BY rig, ${key}`,
    )
    .raw(true)
    .all()
    .map((stored) => {
      const r = expandRow(stored);
      return { time: r[0], rig: stored[10], n: r[1], a: r[2], lo: r[3], hi: r[4], t: r[11] };
    });
}

describe('maintain: folding into 5-minute and hourly rows', () => {
  it('keeps min, avg, max and count per bucket across a bucket boundary', () => {
    const { db, store } = historyStore();
    const at = (s: number, hash: number, temp: number) =>
      sample('a', T0 + s * 1000, { hashrateMhs: hash, chipTempMaxC: temp });
    store.writeCycle(batch([at(0, 100, 75.3), at(150, 200, 75.4), at(299, 300, 75.6)]));
    store.writeCycle(batch([at(300, 1000, 80), at(301, 2000, 81)]));
    store.maintain(T0 + 10 * MIN, DEFAULT_RETENTION);
    expect(rigRollups(db, 'rig_samples_5m')).toEqual([
      { time: B0, rig: 1, n: 3, a: 200, lo: 100, hi: 300, t: 754 },
      { time: B0 + 1, rig: 1, n: 2, a: 1500, lo: 1000, hi: 2000, t: 805 },
    ]);
    const fleet = db.$client
      .prepare('SELECT bucket, n, hashrate_mhs_avg a FROM fleet_samples_5m ORDER BY bucket')
      .all();
    expect(fleet).toEqual([
      { bucket: B0, n: 1, a: 200 },
      { bucket: B0 + 1, n: 1, a: 1500 },
    ]);
  });

  it('leaves the bucket in progress alone', () => {
    const { db, store } = historyStore();
    store.writeCycle(cycle(['a'], T0));
    store.writeCycle(cycle(['a'], T0 + 5 * MIN + 10_000));
    store.maintain(T0 + 5 * MIN + 30_000, DEFAULT_RETENTION);
    expect(db.$client.prepare('SELECT bucket FROM rig_samples_5m').pluck().all()).toEqual([B0]);
  });

  it('folds hours from 5-minute rows, weighting by sample count, for each rig and for the fleet', () => {
    const { db, store } = historyStore();
    // Rig a: 1,000 MH/s for the first 15 minutes, then 2,000; rig b only in the first 5 minutes.
    for (let t = T0; t < T0 + HOUR; t += 15_000) {
      const rows = [sample('a', t, { hashrateMhs: t < T0 + 15 * MIN ? 1000 : 2000 })];
      if (t < T0 + 5 * MIN) rows.push(sample('b', t, { hashrateMhs: 500 }));
      store.writeCycle(batch(rows));
    }
    store.maintain(T0 + HOUR + MIN, DEFAULT_RETENTION);
    const h0 = (T0 / HOUR) | 0;
    expect(rigRollups(db, 'rig_samples_1h')).toEqual([
      { time: h0, rig: 1, n: 240, a: 1750, lo: 1000, hi: 2000, t: 753 },
      { time: h0, rig: 2, n: 20, a: 500, lo: 500, hi: 500, t: 753 },
    ]);
    // Fleet: 5-minute sums are 1,500, 1,000, 1,000, then 2,000 × 9; the hour is their mean.
    const fleet = db.$client
      .prepare('SELECT n, hashrate_mhs_avg a, hashrate_mhs_min lo, hashrate_mhs_max hi FROM fleet_samples_1h')
      .all();
    expect(fleet).toEqual([{ n: 2, a: Math.round((1500 + 2000 + 18_000) / 12), lo: 1000, hi: 2000 }]);
  });

  it("stores each rig's hour exactly as a query's tail folds it from the 5-minute rows", () => {
    const { db, store } = historyStore();
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let t = T0; t < T0 + 2 * HOUR; t += 15_000) {
      const rows = ['a', 'b', 'c'].map((id, i) =>
        sample(id, t + i * 1000, {
          hashrateMhs: 9500 + 500 * rnd(),
          chipTempMaxC: i === 2 && t < T0 + 20 * MIN ? null : 70 + 8 * rnd(),
          fanRpmMin: -5 + 10 * rnd(),
          powerW: t % 7 === 0 ? null : 3400 + 100 * rnd(),
        }),
      );
      store.writeCycle(batch(rows));
    }
    store.maintain(T0 + 2 * HOUR + MIN, DEFAULT_RETENTION);
    const five = db.$client
      .prepare<[], unknown[]>(
        `SELECT bucket, n, ${STORED_ROLLUP_COLUMNS}, rig FROM rig_samples_5m ORDER BY rig, bucket`,
      )
      .raw(true)
      .all();
    const hours = db.$client
      .prepare<[], unknown[]>(
        `SELECT hour, n, ${STORED_ROLLUP_COLUMNS}, rig FROM rig_samples_1h ORDER BY rig, hour`,
      )
      .raw(true)
      .all();
    const expected = [1, 2, 3].flatMap((rig) =>
      foldToHours(five.filter((r) => r.at(-1) === rig).map(expandRow), 'rig'),
    );
    expect(hours.map(expandRow)).toEqual(expected);
    expect(expected).toHaveLength(6);
  });

  it('is idempotent, and folding every cycle gives the same rows as folding once at the end', () => {
    const a = historyStore();
    const b = historyStore();
    for (let t = T0; t < T0 + 2 * HOUR; t += 15_000) {
      const c = cycle(['x', 'y'], t + (t % 7) * 1000);
      c.samples[0] = sample('x', t, { hashrateMhs: (t / 15_000) % 97, fanRpmMin: null });
      a.store.writeCycle(c);
      a.store.maintain(t + 1000, DEFAULT_RETENTION);
      b.store.writeCycle(c);
    }
    const now = T0 + 2 * HOUR + MIN;
    a.store.maintain(now, DEFAULT_RETENTION);
    b.store.maintain(now, DEFAULT_RETENTION);
    b.store.maintain(now, DEFAULT_RETENTION);
    for (const [table, order] of [
      ['rig_samples_5m', 'rig, bucket'],
      ['rig_samples_1h', 'rig, hour'],
      ['fleet_samples_5m', 'bucket'],
      ['fleet_samples_1h', 'hour'],
    ] as const) {
      expect(tableRows(a.db, table, order)).toEqual(tableRows(b.db, table, order));
      expect(tableRows(b.db, table, order).length).toBeGreaterThan(0);
    }
  });

  it('folds late samples into buckets and hours already folded', () => {
    const { db, store } = historyStore();
    store.writeCycle(batch([sample('a', T0, { hashrateMhs: 100 })]));
    store.maintain(T0 + HOUR + MIN, DEFAULT_RETENTION);
    store.writeCycle(batch([sample('a', T0 + 60_000, { hashrateMhs: 300 })])); // an hour late
    store.maintain(T0 + HOUR + 2 * MIN, DEFAULT_RETENTION);
    const q = (t: 'rig_samples_5m' | 'rig_samples_1h') =>
      rigRollups(db, t).map(({ n, a, hi }) => ({ n, a, hi }));
    expect(q('rig_samples_5m')).toEqual([{ n: 2, a: 200, hi: 300 }]);
    expect(q('rig_samples_1h')).toEqual([{ n: 2, a: 200, hi: 300 }]);
    expect(
      db.$client.prepare('SELECT n, hashrate_mhs_avg a, hashrate_mhs_max hi FROM fleet_samples_1h').all(),
    ).toEqual([{ n: 1, a: 200, hi: 300 }]);
    expect(db.$client.prepare('SELECT dirty_from FROM rollup_state').pluck().get()).toBeNull();
  });

  it('works incrementally: buckets already folded are not read again', () => {
    const { db, store } = historyStore();
    store.writeCycle(cycle(['a'], T0));
    store.maintain(T0 + 6 * MIN, DEFAULT_RETENTION);
    // Change raw behind the store's back: a full rescan would pick this up, an incremental fold does not.
    db.$client.prepare('UPDATE rig_samples SET hashrate_mhs = 1').run();
    store.writeCycle(cycle(['a'], T0 + 6 * MIN));
    store.maintain(T0 + 11 * MIN, DEFAULT_RETENTION);
    expect(
      db.$client.prepare('SELECT hashrate_mhs_avg FROM rig_samples_5m ORDER BY bucket').pluck().all(),
    ).toEqual([9500, 9500]);
  });
});
