// @vitest-environment node
// The miner's own failure state with its code and text; hashrate below the share of nominal only once it lasted.
import { describe, expect, it } from 'vitest';
import { codes, input, MIN, run, snap, T0 } from './fixtures';

describe('miner', () => {
  it('names the failure state with the firmware code and text', () => {
    const s = snap({
      minerState: 'failure',
      failureCode: 1002,
      failureDescription: 'Failed to parse miner configuration',
    });
    expect(run([input(s)])[0]?.problems.map((p) => [p.code, p.severity, p.text])).toEqual([
      ['miner-failure', 'critical', 'miner failure 1002: Failed to parse miner configuration'],
    ]);
  });

  it('calls hashrate low after it stayed under the share of nominal for the set time', () => {
    const at = (m: number, mhs: number) => input(snap({ takenAtMs: T0 + m * MIN, hashrateMhs: mhs }));
    const steps = run([at(0, 6000), at(5, 6100), at(10, 6100), at(11, 9400), at(12, 6000)]);
    expect(steps.map(codes)).toEqual([[], [], ['hashrate-low'], [], []]);
    expect(steps[2]?.problems[0]?.text).toBe('hashrate 6,100 MH/s, 64 % of nominal 9,500 MH/s');
    expect(steps[2]?.problems[0]?.sinceMs).toBe(T0);
  });

  it('does not judge hashrate while the miner starts', () => {
    expect(run([input(snap({ minerState: 'starting', hashrateMhs: 0 }))]).flatMap(codes)).toEqual([]);
  });
});

describe('a rig read over CGMiner RPC (no miner state)', () => {
  it('is judged on hashrate like one that says it mines', () => {
    const at = (m: number) =>
      input(
        snap({ source: 'cgminer-rpc', minerState: 'unknown', takenAtMs: T0 + m * MIN, hashrateMhs: 3000 }),
      );
    expect(run([at(0), at(11)]).map(codes)).toEqual([[], ['hashrate-low']]);
  });
});
