// @vitest-environment node
// Pure decisions: the state machine, thermal lag, fan control, settings merge, scenario validation.
import { describe, expect, it } from 'vitest';
import {
  advance,
  command,
  DEFAULT_FAILURE_CODES,
  DEFAULT_TIMING,
  initialPhase,
  type Senses,
} from '../../sim/rig/machine';
import { chipTargetTemp, lag, nextFanDuty } from '../../sim/rig/physics';
import { MODELS } from '../../sim/rig/models';
import { changeFlags, defaultSettings, mergeJson } from '../../sim/rig/settings';
import { parseScenario } from '../../sim/scenario/load';
import { type Phase } from '../../sim/rig/types';

const t = DEFAULT_TIMING;
const senses = (now: number, over: Partial<Senses> = {}): Senses => ({
  now,
  presetTuned: true,
  initFailure: null,
  maxAttempts: 3,
  fansOk: true,
  chainsOk: true,
  chipMax: 60,
  restartTemp: 90,
  ...over,
});

function run(phase: Phase, s: Senses): Phase {
  let p = phase;
  for (let i = 0; i < 10; i++) {
    const next = advance(p, s, t, DEFAULT_FAILURE_CODES).phase;
    if (next === p) break;
    p = next;
  }
  return p;
}

describe('state machine', () => {
  it('boots initializing -> starting -> mining with realistic durations', () => {
    const p0 = initialPhase(0, t);
    expect(p0.state).toBe('initializing');
    expect(run(p0, senses(t.initSec * 1000 - 1)).state).toBe('initializing');
    expect(run(p0, senses(t.initSec * 1000)).state).toBe('starting');
    expect(run(p0, senses((t.initSec + t.startSec) * 1000)).state).toBe('mining');
  });

  it('auto-tunes an untuned preset before mining', () => {
    const at = (t.initSec + t.startSec) * 1000;
    const p = run(initialPhase(0, t), senses(at, { presetTuned: false }));
    expect(p.state).toBe('auto-tuning');
    const step = advance(
      p,
      senses(at + t.autotuneSec * 1000, { presetTuned: false }),
      t,
      DEFAULT_FAILURE_CODES,
    );
    expect(step.phase.state).toBe('mining');
    expect(step.events.some((e) => e.kind === 'tuned')).toBe(true);
  });

  it('fails init with the failure code, retries max_restart_attempts times, then stays failed', () => {
    const fail = { code: 1002, description: 'Failed to parse miner configuration' };
    let p = run(initialPhase(0, t), senses(t.initSec * 1000, { initFailure: fail }));
    expect(p.state).toBe('failure');
    expect(p.failureCode).toBe(1002);
    let now = t.initSec * 1000;
    for (let i = 0; i < 10; i++) {
      now += 60_000;
      p = run(p, senses(now, { initFailure: fail }));
    }
    expect(p.state).toBe('failure');
    expect(p.until).toBeNull();
    expect(p.attempts).toBe(3);
  });

  it('overheat restarts and waits to cool down', () => {
    const mining = run(initialPhase(0, t), senses(100_000));
    const hot = advance(mining, senses(101_000, { chipMax: 95 }), t, DEFAULT_FAILURE_CODES);
    expect(hot.phase.state).toBe('restarting');
    expect(hot.events).toContainEqual({ kind: 'annotation', type: 'overheat' });
    expect(run(hot.phase, senses(200_000, { chipMax: 80 })).state).toBe('restarting');
    expect(run(hot.phase, senses(200_000, { chipMax: 70 })).state).toBe('initializing');
  });

  it('stop, pause and resume follow the real error texts', () => {
    const mining = run(initialPhase(0, t), senses(100_000));
    const stop = command(mining, 'stop', 100_000, t);
    expect(stop.ok && stop.phase.state).toBe('shutting-down');
    if (stop.ok) expect(run(stop.phase, senses(100_000 + t.stopSec * 1000)).state).toBe('stopped');
    const stopped = command(initialPhase(0, t), 'pause', 0, t);
    expect(stopped).toEqual({ ok: false, err: 'CGMiner err: Cgminer error failed-to-activate-pause-mode ' });
    const paused = command(mining, 'pause', 100_000, t);
    expect(paused.ok && paused.phase.paused).toBe(true);
  });
});

describe('physics', () => {
  it('thermal lag is exact for any step size', () => {
    const small = Array.from({ length: 100 }).reduce<number>((v) => lag(v, 80, 1, 45), 25);
    expect(lag(25, 80, 100, 45)).toBeCloseTo(small, 6);
    expect(lag(25, 80, 45, 45)).toBeCloseTo(80 - 55 / Math.E, 6);
  });

  it('hotter with less airflow and more power', () => {
    const m = MODELS.L7;
    expect(chipTargetTemp(m, 25, 1140, 0.5)).toBeGreaterThan(chipTargetTemp(m, 25, 1140, 1));
    expect(chipTargetTemp(m, 25, 1300, 1)).toBeGreaterThan(chipTargetTemp(m, 25, 1140, 1));
  });

  it('auto fan raises duty when chips are over target, manual holds, immersion is 100', () => {
    const limits = { minDuty: 10, maxDuty: 100 };
    expect(nextFanDuty(50, { name: 'auto', param: 70 }, 80, 5, limits, 'hashing')).toBeGreaterThan(50);
    expect(nextFanDuty(50, { name: 'manual', param: 35 }, 80, 5, limits, 'hashing')).toBe(35);
    expect(nextFanDuty(50, { name: 'immers' }, 80, 5, limits, 'hashing')).toBe(100);
  });
});

describe('settings', () => {
  it('partial merge keeps untouched fields; restart vs reboot flags', () => {
    const before = defaultSettings(MODELS.L7, '1.3', { ip: '127.0.0.1', hostname: 'x' }, 90);
    const after = structuredClone(before);
    after.miner = mergeJson(before.miner, { misc: { quiet_mode: true } });
    expect(after.miner.misc['restart_temp']).toBe(90);
    expect(changeFlags(before, after, false)).toEqual({ restart: false, reboot: false });
    after.miner = mergeJson(after.miner, { overclock: { preset: '3700' } });
    expect(changeFlags(before, after, false)).toEqual({ restart: true, reboot: false });
    expect(changeFlags(before, before, true)).toEqual({ restart: false, reboot: true });
  });
});

describe('scenario validation', () => {
  it('names the bad field', () => {
    expect(() => parseScenario({ name: 'x', rigs: [{ model: 'S19' }] }, 'bad.json')).toThrow(
      /rigs\[0\]\.model/,
    );
    expect(() =>
      parseScenario(
        { name: 'x', rigs: [{}], events: [{ at: 'soon', rig: 'rig-01', action: 'reboot' }] },
        'bad.json',
      ),
    ).toThrow(/events\[0\]\.at/);
    expect(() => parseScenario({ name: 'x', rigs: [] }, 'bad.json')).toThrow(/rigs/);
  });
});
