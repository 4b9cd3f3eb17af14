// The health gate after an upgrade and the rollout's waves: pure decisions.
import { describe, expect, it } from 'vitest';

import { gateRig, gateSample } from '../../../../../electron/control/firmware/gate';
import { planRollout, waveVerdict } from '../../../../../electron/control/firmware/rollout';
import { type JobRig } from '../../../../../shared/jobs';
import { rolloutSchema } from '../../../../../shared/control';

const before = { chainsHashing: 3, nominal: 9500 };
const sample = { hashing: true, hashrate: 9300, nominal: 9500, chainsHashing: 3 };

describe('gateRig', () => {
  it('passes a rig back at its share of nominal with every chain', () => {
    expect(gateRig(sample, before, { minSharePct: 80 })).toBeNull();
  });

  it('fails a rig not hashing, one that lost a chain, one below the share', () => {
    expect(gateRig({ ...sample, hashing: false }, before, { minSharePct: 80 })).toBe('not hashing');
    expect(gateRig({ ...sample, chainsHashing: 2 }, before, { minSharePct: 80 })).toBe('1 of 3 chains lost');
    expect(gateRig({ ...sample, hashrate: 5000 }, before, { minSharePct: 80 })).toBe(
      'hashing at 53 % of nominal, below 80 %',
    );
  });

  it('without a share to meet, hashing with its chains is enough', () => {
    expect(gateRig({ ...sample, hashrate: 100 }, before, { minSharePct: null })).toBeNull();
  });

  it('judges against the nominal from before the upgrade, else the one the rig says now', () => {
    expect(gateRig({ ...sample, nominal: 20_000 }, before, { minSharePct: 90 })).toBeNull();
    const noBefore = { ...before, nominal: null };
    expect(gateRig({ ...sample, nominal: null }, noBefore, { minSharePct: 90 })).toBe(
      'no nominal hashrate to judge against',
    );
  });

  it('reads a /summary: state, hashrate and the chains that produce', () => {
    const chain = (hashrate_rt: number) => ({ hashrate_rt }) as never;
    const summary = {
      miner: {
        miner_status: { miner_state: 'mining' },
        hr_realtime: 9000,
        hr_nominal: 9500,
        chains: [chain(3000), chain(0), chain(3000)],
      },
    } as never;
    expect(gateSample(summary)).toEqual({ hashing: true, hashrate: 9000, nominal: 9500, chainsHashing: 2 });
    expect(gateSample({ miner: null } as never)).toEqual({
      hashing: false,
      hashrate: null,
      nominal: null,
      chainsHashing: 0,
    });
  });
});

describe('planRollout', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  it('puts the canaries alone, then waves of the wave size', () => {
    const plan = planRollout(ids, rolloutSchema.parse({ canary: 1, waveSize: 3 }));
    expect(plan).toEqual([
      { label: 'canary', rigIds: ['a'] },
      { label: 'wave 1', rigIds: ['b', 'c', 'd'] },
      { label: 'wave 2', rigIds: ['e', 'f', 'g'] },
    ]);
    expect(planRollout(['a', 'b'], rolloutSchema.parse({ canary: 5 }))).toEqual([
      { label: 'canaries', rigIds: ['a', 'b'] },
    ]);
  });
});

describe('waveVerdict', () => {
  const rig = (rigId: string, state: JobRig['state'], message: string | null = null): JobRig => ({
    rigId,
    state,
    message,
    restartRequired: null,
    startedAtMs: 1,
    finishedAtMs: 2,
  });
  const wave = { label: 'canary', rigIds: ['a', 'b'] };
  const names = (id: string) => `rig-${id}`;

  it('passes when every rig it sent to came through; a rig refused before sending says nothing', () => {
    expect(waveVerdict(wave, [rig('a', 'done'), rig('b', 'refused'), rig('c', 'failed')], names)).toEqual({
      pass: true,
    });
  });

  it('fails with which gate and why, per rig', () => {
    const v = waveVerdict(
      wave,
      [rig('a', 'failed', 'Upgraded to 1.3.5, but not hashing after 15 min.'), rig('b', 'done')],
      names,
    );
    expect(v).toEqual({
      pass: false,
      reason: 'The canary gate failed (rig-a: Upgraded to 1.3.5, but not hashing after 15 min.)',
    });
  });
});
