// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { recordPoolSnapshot } from '../../../../electron/store/pool-history';
import { planPrune } from '../../../../electron/store/retention';
import type { PoolBalance, PoolWorker } from '../../../../shared/pool';
import { DAY, DEFAULT_RETENTION, HOUR, MIN, T0, cycle, historyStore } from '../../../helpers/history';

const nowS = T0 / 1000 + 30 * 86_400;
const b = (s: number) => Math.floor(s / 300);
const h = (s: number) => Math.floor(s / 3600);
const unpruned = { rawPrunedTo: null, bucketsPrunedTo: null, hoursPrunedTo: null };
const caughtUp = { bucketsDoneTo: b(nowS), hoursDoneTo: h(nowS) };

describe('planPrune', () => {
  it('cuts each level at its retention: raw 48 h, 5-minute rows 30 days, hours 730 days', () => {
    expect(planPrune(nowS, DEFAULT_RETENTION, caughtUp, unpruned)).toEqual({
      rawBefore: b(nowS - 48 * 3600),
      bucketsBefore: b(nowS - 30 * 86_400),
      hoursBefore: h(nowS - 730 * 86_400),
    });
  });

  it('never cuts below what is folded from that level', () => {
    const behind = { bucketsDoneTo: b(nowS - 72 * 3600), hoursDoneTo: h(nowS - 40 * 86_400) };
    expect(planPrune(nowS, DEFAULT_RETENTION, behind, unpruned)).toMatchObject({
      rawBefore: b(nowS - 72 * 3600),
      bucketsBefore: h(nowS - 40 * 86_400) * 12,
    });
  });

  it('skips a level whose cutoff has not moved since the last prune', () => {
    const first = planPrune(nowS, DEFAULT_RETENTION, caughtUp, unpruned);
    const pruned = {
      rawPrunedTo: first.rawBefore,
      bucketsPrunedTo: first.bucketsBefore,
      hoursPrunedTo: first.hoursBefore,
    };
    expect(planPrune(nowS + 60, DEFAULT_RETENTION, caughtUp, pruned)).toEqual({
      rawBefore: null,
      bucketsBefore: null,
      hoursBefore: null,
    });
  });
});

const worker = (name: string, updatedAt: number): PoolWorker => ({
  name,
  source: 'rest',
  online: true,
  hashrateHs: 9.5e9,
  shareCount: null,
  allTimeShareCount: null,
  connections: 1,
  coins: [],
  algorithms: [],
  difficulty: null,
  updatedAt,
  sessions: [],
});
const balance = (updatedAt: number): PoolBalance => ({
  coin: 'Litecoin',
  abbreviation: 'LTC',
  balance: 0.5,
  unpaid: null,
  paid24h: null,
  payoutThreshold: null,
  total: null,
  paid: null,
  updatedAt,
  source: 'rest',
});

describe('maintain: retention', () => {
  it('drops what each level no longer keeps, only after folding it, and keeps the rest', () => {
    const { db, store } = historyStore();
    const retention = { rawHours: 1, fiveMinuteDays: 1, hourlyDays: 7 };
    const end = T0 + 10 * DAY;
    for (let t = T0; t < end; t += 5 * MIN) {
      const c = cycle(['a'], t, 2);
      if (t % HOUR === 0) c.events.push({ rigId: 'a', atMs: t, kind: 'note', text: 'hourly' });
      store.writeCycle(c);
      if (t % DAY === 0) recordPoolSnapshot(db, t, [worker('w1', t)], [balance(t)]);
      if (t % HOUR === 0) store.maintain(t, retention);
    }
    store.maintain(end, retention);
    const one = (text: string) => db.$client.prepare(text).pluck().get() as number;
    const s = end / 1000;
    expect(one('SELECT min(minute) / 5 FROM rig_samples')).toBe(b(s - 3600));
    // Chains live on their sample's row, so they go with it.
    expect(one('SELECT min(minute) / 5 FROM rig_samples WHERE chains IS NOT NULL')).toBe(b(s - 3600));
    expect(one('SELECT max(minute) / 5 FROM rig_samples')).toBe(b(s) - 1);
    expect(one('SELECT min(bucket) FROM rig_samples_5m')).toBe(b(s - 86_400));
    expect(one('SELECT min(bucket) FROM fleet_samples_5m')).toBe(b(s - 86_400));
    expect(one('SELECT max(bucket) FROM rig_samples_5m')).toBe(b(s) - 1);
    expect(one('SELECT min(hour) FROM rig_samples_1h')).toBe(h(s - 7 * 86_400));
    expect(one('SELECT min(hour) FROM fleet_samples_1h')).toBe(h(s - 7 * 86_400));
    expect(one('SELECT count(*) FROM rig_samples_1h')).toBe(7 * 24);
    expect(one('SELECT min(at_ms) FROM events')).toBe(end - 7 * DAY);
    expect(one('SELECT min(at_s) FROM pool_worker_samples')).toBe(s - DAY / 1000);
    expect(one('SELECT min(at_s) FROM pool_balance_samples')).toBe(s - 7 * 86_400);
  });

  it('folds raw that was never folded before deleting it', () => {
    const { db, store } = historyStore();
    for (let t = T0; t < T0 + 3 * HOUR; t += 15_000) store.writeCycle(cycle(['a'], t));
    store.maintain(T0 + 10 * DAY, DEFAULT_RETENTION);
    const one = (text: string) => db.$client.prepare(text).pluck().get() as number;
    expect(one('SELECT count(*) FROM rig_samples')).toBe(0);
    expect(one('SELECT count(*) FROM rig_samples_5m')).toBe(36);
    expect(one('SELECT sum(n) FROM rig_samples_5m')).toBe(720);
    expect(one('SELECT sum(n) FROM rig_samples_1h')).toBe(720);
  });

  it('drops a sample for a bucket raw has already pruned instead of folding a partial bucket', () => {
    const { db, store } = historyStore();
    store.writeCycle(cycle(['a'], T0));
    store.maintain(T0 + 3 * DAY, DEFAULT_RETENTION);
    store.writeCycle(cycle(['a'], T0 + MIN)); // 3 days late
    store.maintain(T0 + 3 * DAY + MIN, DEFAULT_RETENTION);
    expect(db.$client.prepare('SELECT count(*) FROM rig_samples').pluck().get()).toBe(0);
    expect(db.$client.prepare('SELECT n FROM rig_samples_5m').pluck().all()).toEqual([1]);
  });
});
