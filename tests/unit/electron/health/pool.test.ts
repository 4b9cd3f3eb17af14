// @vitest-environment node
// Pools: a slot down (critical when none works), rejecting above the share over recent shares (not since start),
// the pool not knowing the rig's worker and its hashrate far from the rig's, both only once sustained; workers no
// rig claims are the fleet's problem, each keeping its since-time.
import { describe, expect, it } from 'vitest';
import { unmatchedWorkers } from '../../../../electron/health/pool';
import { type PoolSnapshot } from '../../../../shared/rig';
import { codes, input, MIN, run, snap, T0 } from './fixtures';

const pool = (id: number, over: Partial<PoolSnapshot> = {}): PoolSnapshot => ({
  id,
  url: `stratum+tcp://pool${id}:3333`,
  user: 'acct',
  kind: 'user',
  status: id === 0 ? 'active' : 'working',
  statusRaw: null,
  accepted: 1000,
  rejected: 10,
  stale: 0,
  difficulty: null,
  pingMs: 20,
  ...over,
});

describe('pool', () => {
  it('names a slot down as a warning, and all down as critical', () => {
    const one = run([input(snap({ pools: [pool(0, { status: 'offline' }), pool(1)] }))])[0];
    expect(one?.problems.map((p) => [p.code, p.severity, p.subject])).toEqual([
      ['pool-down', 'warning', '0'],
    ]);
    const all = run([
      input(snap({ pools: [pool(0, { status: 'offline' }), pool(1, { status: 'offline' })] })),
    ])[0];
    expect(all?.problems.map((p) => [p.code, p.severity, p.text])).toEqual([
      ['pool-down', 'critical', 'no pool reachable (2 configured)'],
    ]);
  });

  it('judges rejects over the shares since the last reading, and clears when they stop', () => {
    const at = (i: number, accepted: number, rejected: number) =>
      input(snap({ takenAtMs: T0 + i * MIN, pools: [pool(0, { accepted, rejected })] }));
    const steps = run([at(0, 1000, 10), at(1, 1100, 30), at(2, 1120, 60), at(3, 1300, 60)]);
    expect(steps.map((s) => codes(s).includes('pool-rejecting'))).toEqual([false, true, true, false]);
  });

  it('says the pool sees no worker only after the grace time', () => {
    const at = (m: number) =>
      input(snap({ takenAtMs: T0 + m * MIN }), { workerName: 'rig-01', workerUnseen: true });
    const steps = run([at(0), at(10), at(16)]);
    expect(steps.map(codes)).toEqual([[], [], ['pool-no-worker']]);
    expect(steps[2]?.problems[0]?.sinceMs).toBe(T0);
  });

  it('names a pool hashrate far from the rig own, sustained', () => {
    const at = (m: number, poolMhs: number) =>
      input(snap({ takenAtMs: T0 + m * MIN }), { poolHashrateMhs: poolMhs });
    const steps = run([at(0, 3000), at(20, 3000), at(21, 9300)]);
    expect(steps.map(codes)).toEqual([[], ['pool-hashrate-mismatch'], []]);
  });

  it('keeps each unmatched worker since it was first seen', () => {
    const first = unmatchedWorkers(new Map(), ['stray'], T0);
    const second = unmatchedWorkers(first.since, ['stray', 'other'], T0 + MIN);
    expect(second.problems.map((p) => [p.code, p.subject, p.sinceMs])).toEqual([
      ['pool-worker-unmatched', 'stray', T0],
      ['pool-worker-unmatched', 'other', T0 + MIN],
    ]);
    expect(unmatchedWorkers(second.since, [], T0 + 2 * MIN).problems).toEqual([]);
  });
});
