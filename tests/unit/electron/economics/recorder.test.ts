import { describe, expect, it } from 'vitest';

import { createPoolRecorder } from '../../../../electron/economics/recorder';
import { emptyPoolState } from '../../../../electron/pool/switchable-feed';
import { openDb } from '../../../../electron/store/db';
import { balanceSeries, poolHashrateSeries } from '../../../../electron/store/pool-history-read';
import type { PoolBalance, ProHashingState, ProHashingTopic } from '../../../../shared/pool';
import { quietLog, tempDir } from '../../../helpers/core';
import { T, poolState } from './fixtures';

type Listener = (c: { topics: readonly ProHashingTopic[]; state: ProHashingState }) => void;

function setup() {
  const db = openDb(tempDir());
  const listeners = new Set<Listener>();
  let now = T;
  const recorder = createPoolRecorder({
    db,
    now: () => now,
    log: quietLog,
    everyMs: 60_000,
    feed: {
      subscribe(l) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  });
  const emit = (topics: ProHashingTopic[], state: ProHashingState) => {
    for (const l of listeners) l({ topics, state });
  };
  return { db, recorder, emit, at: (ms: number) => (now = ms) };
}

const ltc = (balance: number, paid: number): PoolBalance => ({
  coin: 'Litecoin',
  abbreviation: 'LTC',
  balance,
  unpaid: balance,
  paid24h: null,
  payoutThreshold: 1,
  total: null,
  paid,
  updatedAt: T,
  source: 'rest',
});

describe('pool recorder', () => {
  it('stores workers and balances at most once per interval each, and nothing for an empty pool', () => {
    const { db, recorder, emit, at } = setup();
    recorder.start();
    const full = poolState();
    emit(['workers'], emptyPoolState(T));
    // Balances first, before any worker list: stored, and the workers still get their own first snapshot.
    emit(['balances'], { ...full, workers: [] });
    at(T + 10_000);
    emit(['workers'], full);
    at(T + 20_000);
    emit(['workers', 'balances'], full);
    at(T + 70_000);
    emit(['balances'], { ...full, balances: [ltc(0.5, 1)] });
    emit(['market'], full);
    const toS = (T + 100_000) / 1000;
    // The balance event at +70 s carries the workers too, and their interval has passed: both are stored
    // (each point at the start of its one-minute bucket).
    expect(poolHashrateSeries(db, T / 1000 - 1, toS, 1000)).toEqual([
      [T, 10_500],
      [T + 60_000, 10_500],
    ]);
    const [series] = balanceSeries(db, T / 1000 - 1, toS, 1000);
    expect(series?.points).toEqual([
      [T, 0.25],
      [T + 70_000, 0.5],
    ]);
    recorder.stop();
    at(T + 500_000);
    emit(['workers', 'balances'], full);
    expect(balanceSeries(db, T / 1000 - 1, (T + 600_000) / 1000, 1000)[0]?.points).toHaveLength(2);
    db.$client.close();
  });

  it('keeps the last balance of each chart bucket and averages the pool hashrate per bucket', () => {
    const { db, recorder, emit, at } = setup();
    recorder.start();
    const full = poolState();
    for (let i = 0; i < 6; i++) {
      at(T + i * 60_000);
      emit(['workers', 'balances'], {
        ...full,
        balances: [ltc(0.1 * i, 1)],
        workers: full.workers.map((w) => ({ ...w, hashrateHs: w.hashrateHs * (i % 2 === 0 ? 1 : 2) })),
      });
    }
    // Six minutes in two points: buckets of three minutes.
    const fromS = T / 1000;
    const toS = fromS + 360;
    const [series] = balanceSeries(db, fromS, toS, 2);
    expect(series?.points.map(([, v]) => Number(v.toFixed(2)))).toEqual([0.2, 0.5]);
    const hr = poolHashrateSeries(db, fromS, toS, 2);
    expect(hr.map(([, v]) => Math.round(v))).toEqual([
      Math.round((10_500 * 4) / 3),
      Math.round((10_500 * 5) / 3),
    ]);
    db.$client.close();
  });
});
