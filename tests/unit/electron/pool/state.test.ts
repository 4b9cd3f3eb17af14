// @vitest-environment node
// The pool state the UI and the collector see: its worker ↔ rig mapping is reused while its inputs are the same.
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_POOL_HOSTS,
  reconcile,
  type RigPoolInput,
} from '../../../../electron/pool/prohashing/mapping';
import {
  buildState,
  emptyData,
  type PoolData,
  type ViewOptions,
} from '../../../../electron/pool/prohashing/state';
import { type PoolWorker } from '../../../../shared/pool';

const PH = 'stratum+tcp://prohashing.com:3333';
const worker = (name: string, hashrateHs: number): PoolWorker => ({
  name,
  source: 'rest',
  online: true,
  hashrateHs,
  shareCount: null,
  allTimeShareCount: null,
  connections: 1,
  coins: [],
  algorithms: ['scrypt'],
  difficulty: null,
  updatedAt: 0,
  sessions: [],
});
const rigs: RigPoolInput[] = [
  { rigId: 'r1', pools: [{ url: PH, user: 'acme', password: 'a=scrypt,n=w1' }] },
  { rigId: 'r2', pools: [{ url: PH, user: 'acme', password: 'a=scrypt,n=w2' }] },
];
const view: ViewOptions = {
  staleAfterMs: 60_000,
  dust: 0,
  mapping: { accountName: 'acme', poolHosts: DEFAULT_POOL_HOSTS },
};
const data = (workers: PoolWorker[], r: readonly RigPoolInput[] = rigs): PoolData => ({
  ...emptyData(0),
  restWorkers: workers,
  rigs: r,
});

describe('buildState mapping', () => {
  it('is what reconcile says, and reused while the rigs and worker names stay the same', () => {
    const a = buildState(data([worker('w1', 1e9), worker('w2', 2e9)]), 1000, view);
    expect(a.mapping).toEqual(reconcile(rigs, ['w1', 'w2'], view.mapping));
    expect(a.mapping.matched.map((m) => m.rigId)).toEqual(['r1', 'r2']);
    // Only hashrates moved: the same mapping object.
    const b = buildState(data([worker('w1', 3e9), worker('w2', 1e9)]), 2000, view);
    expect(b.mapping).toBe(a.mapping);
    expect(b.workers.map((w) => w.hashrateHs)).toEqual([3e9, 1e9]);
  });

  it('is recomputed when a worker name or the rigs change', () => {
    const a = buildState(data([worker('w1', 1e9), worker('w2', 2e9)]), 1000, view);
    const gone = buildState(data([worker('w1', 1e9)]), 2000, view);
    expect(gone.mapping).not.toBe(a.mapping);
    expect(gone.mapping).toEqual(reconcile(rigs, ['w1'], view.mapping));
    expect(gone.mapping.rigsWithUnknownWorker.map((u) => u.rigId)).toEqual(['r2']);
    const moved: RigPoolInput[] = [{ rigId: 'r1', pools: [{ url: PH, user: 'acme', password: 'n=w2' }] }];
    const other = buildState(data([worker('w1', 1e9), worker('w2', 2e9)], moved), 3000, view);
    expect(other.mapping).toEqual(reconcile(moved, ['w1', 'w2'], view.mapping));
    expect(other.mapping.matched).toEqual([expect.objectContaining({ rigId: 'r1', worker: 'w2' })]);
  });
});
