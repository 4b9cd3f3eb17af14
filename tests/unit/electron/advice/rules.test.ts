// @vitest-environment node
// The built-in rules one by one on hand-made rigs: what each raises, with which evidence and action, and where
// each stays quiet.
import { describe, expect, it } from 'vitest';

import { bestPresetRule, expectedChipC } from '../../../../electron/advice/best-preset';
import { chainErrorsRule } from '../../../../electron/advice/chains';
import { evaluateAdvice, evidenceFingerprint } from '../../../../electron/advice/engine';
import { rejectRateRule, unknownWorkerRule, workerNameRule } from '../../../../electron/advice/pool';
import { siblingIndex, underperformingRule } from '../../../../electron/advice/siblings';
import { temperatureTrendRule } from '../../../../electron/advice/trend';
import { HOUR_MS } from '../../../../electron/advice/types';
import { type Recommendation } from '../../../../shared/advice';
import { type PoolSnapshot } from '../../../../shared/rig';
import { chainSnap, context, rig, T0 } from './fixtures';

const NO_SIBLINGS = new Map();

const pool = (accepted: number, rejected: number): PoolSnapshot => ({
  id: 0,
  url: 'stratum+tcp://prohashing.com:3333',
  user: 'acct',
  kind: 'user',
  status: 'active',
  statusRaw: 'active',
  accepted,
  rejected,
  stale: 0,
  difficulty: '65K',
  pingMs: 20,
});

describe('best preset', () => {
  it('stays quiet without a revenue figure', () => {
    expect(bestPresetRule(rig(), context(), NO_SIBLINGS)).toBeNull();
  });

  it('picks a cheaper preset at a dear power price, with the profit as evidence and a preset action', () => {
    const f = bestPresetRule(rig(), context({ pricePerKwh: 0.3, revenuePerMhDay: 0.0006 }), NO_SIBLINGS);
    expect(f?.rec.action).toEqual({ action: 'preset', params: { name: '2900' } });
    expect(f?.rec.evidence.find((e) => e.label === 'profit now')?.unit).toBe('USD/day');
    expect(f?.fingerprint).toBe('3425>2900');
  });

  it('offers a bigger preset only within the temperature headroom', () => {
    const ctx = context({ pricePerKwh: 0.02, revenuePerMhDay: 0.001 });
    const cool = bestPresetRule(rig(), ctx, NO_SIBLINGS);
    expect(cool?.rec.action?.params).toEqual({ name: '3700' });
    // 78 °C now: at 3700 W the chips would be at 25 + 53 × 3700/3425 ≈ 82 °C, within 5 °C of 85: not offered.
    expect(expectedChipC(78, 3425, 3700)).toBeGreaterThan(80);
    const hot = rig({ snapshot: { chipTemp: { minC: 70, maxC: 78 } } });
    expect(bestPresetRule(hot, ctx, NO_SIBLINGS)).toBeNull();
  });
});

describe('siblings', () => {
  it('names the rig hashing 10 % or more below its siblings of the same model and preset', () => {
    const rigs = [
      rig({ id: 'a' }),
      rig({ id: 'b' }),
      rig({ id: 'c' }),
      rig({ id: 'weak', snapshot: { hashrateMhs: 8000 } }),
    ];
    const index = siblingIndex(rigs, T0);
    expect(rigs.map((r) => underperformingRule(r, context(), index)?.rec.rigId ?? null)).toEqual([
      null,
      null,
      null,
      'weak',
    ]);
  });

  it('needs at least three rigs to compare', () => {
    const rigs = [rig({ id: 'a' }), rig({ id: 'weak', snapshot: { hashrateMhs: 8000 } })];
    expect(underperformingRule(rigs[1] ?? rig(), context(), siblingIndex(rigs, T0))).toBeNull();
  });
});

describe('temperature trend', () => {
  const rising = (perHour: number) => ({
    points: Array.from({ length: 36 }, (_, i) => ({
      atMs: T0 - 3 * HOUR_MS + i * 300_000,
      hashrateMhs: 9500,
      powerW: 3425,
      chipTempC: 70 + (perHour * i) / 12,
    })),
    chains: [],
  });

  it('forecasts when a steady rise reaches the limit, and suggests the next lower preset', () => {
    const f = temperatureTrendRule(
      rig({ history: rising(1), snapshot: { uptimeSec: 86_400 } }),
      context(),
      NO_SIBLINGS,
    );
    expect(f?.rec.kind).toBe('temperature-trend');
    expect(f?.rec.action).toEqual({ action: 'preset', params: { name: '3200' } });
    const hours = f?.rec.evidence.find((e) => e.label === 'time to limit')?.value ?? 0;
    expect(hours).toBeGreaterThan(10);
    expect(hours).toBeLessThan(13);
  });

  it('leaves out the warm-up after a start', () => {
    // Up for an hour: only the last half-hour of the line counts, too short a span to call a trend.
    expect(temperatureTrendRule(rig({ history: rising(1) }), context(), NO_SIBLINGS)).toBeNull();
  });

  it('stays quiet on a flat line', () => {
    expect(temperatureTrendRule(rig({ history: rising(0) }), context(), NO_SIBLINGS)).toBeNull();
  });
});

describe('chains', () => {
  it('names the chain whose orange/red chips grew over the window', () => {
    const chains = [
      chainSnap(1),
      chainSnap(2, { chipGrades: { grey: 110, orange: 4, red: 6 } }),
      chainSnap(3),
    ];
    const base = chains.map((c) => ({ chainId: c.id, atMs: T0 - HOUR_MS, red: 0, orange: 0 }));
    const f = chainErrorsRule(
      rig({ snapshot: { chains }, history: { points: [], chains: base } }),
      context(),
      NO_SIBLINGS,
    );
    expect(f?.rec.title).toBe('Hash board 2 degrading');
  });

  it('names a chain counting far more hardware errors than its neighbours', () => {
    const chains = [
      chainSnap(1, { hwErrors: 30 }),
      chainSnap(2, { hwErrors: 40 }),
      chainSnap(3, { hwErrors: 9000 }),
    ];
    const f = chainErrorsRule(rig({ snapshot: { chains } }), context(), NO_SIBLINGS);
    expect(f?.rec.title).toBe('Hash board 3 degrading');
  });
});

describe('pool', () => {
  it('raises a reject rate above the health setting, with enough shares to judge', () => {
    expect(
      rejectRateRule(rig({ snapshot: { pools: [pool(1000, 100)] } }), context(), NO_SIBLINGS)?.rec.kind,
    ).toBe('reject-rate');
    expect(rejectRateRule(rig({ snapshot: { pools: [pool(1000, 10)] } }), context(), NO_SIBLINGS)).toBeNull();
    expect(rejectRateRule(rig({ snapshot: { pools: [pool(50, 20)] } }), context(), NO_SIBLINGS)).toBeNull();
  });

  it('raises a worker the pool does not know, from the health problem', () => {
    const problems = [
      {
        code: 'pool-no-worker' as const,
        severity: 'warning' as const,
        text: '',
        sinceMs: T0 - 1_200_000,
        subject: 'x',
      },
    ];
    const f = unknownWorkerRule(rig({ workerName: 'rig-1x', problems }), context(), NO_SIBLINGS);
    expect(f?.rec.evidence).toEqual([{ label: 'unseen for', value: 20, unit: 'min' }]);
    expect(unknownWorkerRule(rig({ workerName: 'rig-1x' }), context(), NO_SIBLINGS)).toBeNull();
  });

  it('raises a worker name that is not the rig name, ignoring case', () => {
    expect(
      workerNameRule(rig({ name: 'rig-01', workerName: 'spare-7' }), context(), NO_SIBLINGS)?.rec.kind,
    ).toBe('worker-name-mismatch');
    expect(workerNameRule(rig({ name: 'Rig-01', workerName: 'rig-01' }), context(), NO_SIBLINGS)).toBeNull();
  });
});

describe('the engine', () => {
  it('merges extra sources with their own source label and an evidence fingerprint', () => {
    const abacus: Recommendation = {
      id: 'abacus:model:r1',
      rigId: 'r1',
      kind: 'model',
      source: 'abacus',
      title: 'Lower the frequency',
      reason: 'model score',
      evidence: [{ label: 'score', value: 0.8123, unit: '' }],
      chart: null,
      expectedEffect: 'fewer errors',
      confidence: 0.5,
      action: null,
      createdAtMs: T0,
    };
    const found = evaluateAdvice([rig()], context(), [() => [abacus]]);
    expect(found.map((f) => [f.rec.source, f.fingerprint])).toEqual([['abacus', 'score=0.81']]);
    expect(evidenceFingerprint({ ...abacus, evidence: [{ label: 'score', value: 0.8149, unit: '' }] })).toBe(
      'score=0.81',
    );
  });

  it('raises nothing on a healthy fleet', () => {
    const rigs = ['a', 'b', 'c', 'd'].map((id) =>
      rig({ id, name: id, workerName: id, snapshot: { pools: [pool(5000, 20)] } }),
    );
    expect(evaluateAdvice(rigs, context())).toEqual([]);
  });
});
