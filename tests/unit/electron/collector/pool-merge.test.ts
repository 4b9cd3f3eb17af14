// @vitest-environment node
// Pool-reported hashrate per rig from the ProHashing connector's workers and mapping; rigs sharing a worker
// name get no per-rig figure and the fleet total counts each worker once.
import { describe, expect, it } from 'vitest';
import {
  NO_POOL,
  poolView,
  samePoolFigures,
  samePoolInputs,
} from '../../../../electron/collector/pool-merge';
import { type PoolMapping, type PoolWorker } from '../../../../shared/pool';
import { T0 } from './fixtures';

const worker = (name: string, hashrateHs: number): PoolWorker => ({
  name,
  source: 'live',
  online: hashrateHs > 0,
  hashrateHs,
  shareCount: null,
  allTimeShareCount: null,
  connections: 1,
  coins: ['litecoin'],
  algorithms: ['scrypt'],
  difficulty: null,
  updatedAt: T0,
  sessions: [],
});

const mapping = (over: Partial<PoolMapping>): PoolMapping => ({
  matched: [],
  rigsWithUnknownWorker: [],
  workersWithoutRig: [],
  rigsWithoutWorkerName: [],
  duplicateWorkerNames: [],
  rigsNotOnPool: [],
  warnings: [],
  ...over,
});

describe('pool view', () => {
  it('gives each matched rig its worker hashrate in MH/s and the fleet the sum over workers', () => {
    const view = poolView({
      workers: [worker('rig-01', 9.4e9), worker('rig-02', 9.1e9), worker('twin', 18e9), worker('stray', 5e9)],
      mapping: mapping({
        matched: [
          { rigId: 'a', worker: 'rig-01' },
          { rigId: 'b', worker: 'rig-02' },
          { rigId: 'c', worker: 'twin' },
          { rigId: 'd', worker: 'twin' },
        ],
        duplicateWorkerNames: [{ worker: 'twin', rigIds: ['c', 'd'] }],
        rigsWithUnknownWorker: [{ rigId: 'e', worker: 'rig-05' }],
        workersWithoutRig: ['stray'],
      }),
    });
    expect(Object.fromEntries(view.byRig)).toEqual({
      a: { poolHashrateMhs: 9400, workerName: 'rig-01' },
      b: { poolHashrateMhs: 9100, workerName: 'rig-02' },
      c: { poolHashrateMhs: null, workerName: 'twin' },
      d: { poolHashrateMhs: null, workerName: 'twin' },
      e: { poolHashrateMhs: null, workerName: 'rig-05', workerUnseen: true },
    });
    expect(view.unmatchedWorkers).toEqual(['stray']);
    // Matched workers only ("stray" is not ours to compare), "twin" once.
    expect(view.totalMhs).toBe(9400 + 9100 + 18_000);
  });

  it('has no total when nothing is matched', () => {
    expect(poolView({ workers: [worker('x', 1e9)], mapping: mapping({}) }).totalMhs).toBeNull();
  });

  it('compares pool inputs by value', () => {
    const a = [{ rigId: 'a', pools: [{ url: 'u', user: 'acct', password: 'n=a' }] }];
    expect(samePoolInputs(a, structuredClone(a))).toBe(true);
    expect(samePoolInputs(a, [{ rigId: 'a', pools: [{ url: 'u', user: 'acct', password: 'n=b' }] }])).toBe(
      false,
    );
    expect(samePoolInputs(a, [])).toBe(false);
  });

  it("compares a rig's pool figures by value, an absent unseen mark as none", () => {
    const a = { poolHashrateMhs: 9400, workerName: 'w1' };
    expect(samePoolFigures(a, { ...a })).toBe(true);
    expect(samePoolFigures(a, { ...a, workerUnseen: null })).toBe(true);
    expect(samePoolFigures(a, { ...a, poolHashrateMhs: 9401 })).toBe(false);
    expect(samePoolFigures(a, { ...a, workerName: 'w2' })).toBe(false);
    expect(
      samePoolFigures({ ...NO_POOL, workerName: 'w1', workerUnseen: true }, { ...NO_POOL, workerName: 'w1' }),
    ).toBe(false);
    expect(samePoolFigures(NO_POOL, { poolHashrateMhs: null, workerName: null })).toBe(true);
  });
});
