// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { type Horizons, pickResolution } from '../../../../electron/store/history-query';
import { sql } from '../../../../electron/store/history-sql';
import { type HistoryQuery, historyMetrics } from '../../../../shared/telemetry';
import {
  DAY,
  DEFAULT_RETENTION,
  HOUR,
  MIN,
  T0,
  batch,
  cycle,
  historyStore,
  sample,
} from '../../../helpers/history';

const none: Horizons = { raw: null, buckets: null, hours: null };
const pick = (spanMs: number, fleet = false, rigCount = 1, h = none, toMs = T0) =>
  pickResolution({ fromMs: toMs - spanMs, toMs, fleet, rigCount }, h);

describe('pickResolution', () => {
  it('uses raw up to 6 h, 5-minute rows up to 10 days, hours beyond', () => {
    expect(pick(HOUR)).toBe('raw');
    expect(pick(6 * HOUR)).toBe('raw');
    expect(pick(6 * HOUR + 1)).toBe('5m');
    expect(pick(DAY)).toBe('5m');
    expect(pick(10 * DAY)).toBe('5m');
    expect(pick(30 * DAY)).toBe('1h');
  });

  it('keeps a fleet view at raw resolution only while it reads a bounded number of rows', () => {
    expect(pick(6 * HOUR, true, 60)).toBe('raw');
    expect(pick(HOUR, true, 1000)).toBe('5m');
    expect(pick(6 * HOUR, true, 1000)).toBe('5m');
  });

  it('goes coarser when the finer level no longer reaches back to the start of the range', () => {
    const b = (ms: number) => Math.floor(ms / 300_000);
    const kept: Horizons = { raw: b(T0 - 2 * DAY), buckets: b(T0 - 30 * DAY), hours: b(T0 - 700 * DAY) };
    expect(pick(HOUR, false, 1, kept)).toBe('raw');
    expect(pick(HOUR, false, 1, kept, T0 - 3 * DAY)).toBe('5m');
    expect(pick(DAY, false, 1, kept, T0 - 40 * DAY)).toBe('1h');
    // A new install: raw holds everything there is, so a range starting before it still reads raw.
    const fresh: Horizons = { raw: b(T0 - HOUR), buckets: b(T0 - HOUR), hours: b(T0 - HOUR) };
    expect(pick(6 * HOUR, false, 1, fresh)).toBe('raw');
  });
});

const q = (over: Partial<HistoryQuery>): HistoryQuery => ({
  rigId: 'a',
  metrics: ['hashrate_mhs'],
  fromMs: T0,
  toMs: T0 + HOUR,
  ...over,
});

describe('query', () => {
  it('returns raw samples decoded from their integer encodings, in the requested metric order', () => {
    const { store } = historyStore();
    store.writeCycle(
      batch([
        sample('a', T0 + 1500, {
          hashrateMhs: 9500.4,
          efficiencyJPerMh: 0.35794,
          chipTempMaxC: 75.26,
          fanRpmMin: null,
          powerW: Number.NaN,
        }),
      ]),
    );
    const r = store.query(
      q({ metrics: ['fan_rpm_min', 'chip_temp_max_c', 'efficiency_j_per_mh', 'hashrate_mhs', 'power_w'] }),
    );
    expect(r.resolution).toBe('raw');
    expect(r.series.map((s) => [s.metric, s.points])).toEqual([
      ['fan_rpm_min', [[T0 + 1000, null, null, null]]],
      ['chip_temp_max_c', [[T0 + 1000, 75.3, 75.3, 75.3]]],
      ['efficiency_j_per_mh', [[T0 + 1000, 0.3579, 0.3579, 0.3579]]],
      ['hashrate_mhs', [[T0 + 1000, 9500, 9500, 9500]]],
      ['power_w', [[T0 + 1000, null, null, null]]],
    ]);
  });

  it('honours a forced resolution, reads only the range, and knows nothing of an unknown rig', () => {
    const { store } = historyStore();
    for (let t = T0 - HOUR; t < T0 + 2 * HOUR; t += 15_000) store.writeCycle(cycle(['a'], t));
    const raw = store.query(q({}));
    expect(raw.series[0]?.points).toHaveLength(240);
    expect(raw.series[0]?.points[0]?.[0]).toBe(T0);
    expect(raw.series[0]?.points.at(-1)?.[0]).toBe(T0 + HOUR - 15_000);
    expect(store.query(q({ resolution: '5m' })).series[0]?.points).toHaveLength(12);
    expect(store.query(q({ resolution: '1h' })).series[0]?.points).toEqual([[T0, 9500, 9500, 9500]]);
    expect(store.query(q({ rigId: 'nobody' })).series).toEqual([{ metric: 'hashrate_mhs', points: [] }]);
    expect(store.query(q({ fromMs: T0, toMs: T0 })).series[0]?.points).toEqual([]);
  });

  it('answers the unfolded tail from raw exactly as maintain() later stores it', () => {
    const { store } = historyStore();
    for (let t = T0; t < T0 + 3 * HOUR; t += 15_000) {
      const k = t / 15_000;
      store.writeCycle(
        batch([
          sample('a', t, { hashrateMhs: 9000 + (k % 13) * 37.3, chipTempMaxC: 70 + (k % 7) / 3 }),
          // b is away half the time, so the fleet's rig count changes from bucket to bucket.
          ...(k % 40 < 20
            ? [sample('b', t + 4000, { hashrateMhs: 8000 + (k % 5) * 11, powerW: k % 11 ? 3000 : null })]
            : []),
        ]),
      );
    }
    const all = [...historyMetrics];
    const views = (['5m', '1h'] as const).flatMap((resolution) =>
      ['a', null].map((rigId) => ({ rigId, metrics: all, fromMs: T0, toMs: T0 + 3 * HOUR, resolution })),
    );
    const before = views.map((v) => store.query(v));
    store.maintain(T0 + 97 * MIN, DEFAULT_RETENTION); // partly folded: stored rows, then the tail
    expect(views.map((v) => store.query(v))).toEqual(before);
    store.maintain(T0 + 3 * HOUR + MIN, DEFAULT_RETENTION);
    expect(views.map((v) => store.query(v))).toEqual(before);
    expect(before[2]?.series[0]?.points).toHaveLength(3);
  });

  it('aggregates the fleet: sums rates and power, hottest temperatures, slowest fan, Σ power / Σ hashrate', () => {
    const { store } = historyStore();
    for (let t = T0; t < T0 + 10 * MIN; t += 15_000) {
      store.writeCycle(
        batch([
          sample('a', t, {
            hashrateMhs: 9000,
            powerW: 3000,
            chipTempMaxC: 70,
            fanRpmMin: 5000,
            poolHashrateMhs: 8000,
          }),
          sample('b', t + 1000, {
            hashrateMhs: 1000,
            powerW: 600,
            chipTempMaxC: 80,
            fanRpmMin: 4000,
            poolHashrateMhs: null,
          }),
          // c reports hashrate but no power: left out of the efficiency so it does not look free.
          sample('c', t + 2000, {
            hashrateMhs: 5000,
            powerW: null,
            chipTempMaxC: 60,
            fanRpmMin: null,
            poolHashrateMhs: 1,
          }),
        ]),
      );
    }
    const metrics = [...historyMetrics];
    const expectFleet = (resolution: '5m' | '1h' | 'raw', toMs: number) => {
      const r = store.query({ rigId: null, metrics, fromMs: T0, toMs, resolution });
      const first = Object.fromEntries(r.series.map((s) => [s.metric, s.points[0]?.slice(1)]));
      expect(first).toMatchObject({
        hashrate_mhs: [15_000, 15_000, 15_000],
        power_w: [3600, 3600, 3600],
        pool_hashrate_mhs: [8001, 8001, 8001],
        chip_temp_max_c: [80, 80, 80],
        fan_rpm_min: [4000, 4000, 4000],
        efficiency_j_per_mh: [0.36, 0.36, 0.36],
      });
      return r;
    };
    expect(expectFleet('raw', T0 + 5 * MIN).series[0]?.points).toHaveLength(5); // 1-minute buckets
    expectFleet('5m', T0 + 10 * MIN);
    store.maintain(T0 + 2 * HOUR, DEFAULT_RETENTION);
    expectFleet('5m', T0 + 10 * MIN);
    expectFleet('1h', T0 + HOUR);
  });

  it('reads by primary key: no full scan of a sample table on any query path', () => {
    const { db } = historyStore();
    const plans = [
      sql.rigRaw,
      sql.rigBucketsFromRaw,
      sql.rigBuckets,
      sql.rigHours,
      sql.fleetBucketsFromRaw,
      sql.rigBucketsOfHour,
      sql.foldToScratch,
    ]
      .map((text) => db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`))
      .map((st) => st.all(...Array(st.source.split('?').length - 1).fill(1)) as { detail: string }[]);
    for (const plan of plans) {
      for (const { detail } of plan) expect(detail).not.toMatch(/^SCAN rig_samples/);
    }
  });
});
