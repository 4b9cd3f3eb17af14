// @vitest-environment node
// Health against the virtual farm (issue 9): a fleet of L7s on Vnish REST plus two on stock firmware read over
// CGMiner RPC, both clocks manual. Every fault kind the farm can inject is put on its own rig at once; each
// raises its problem on that rig (and nothing outside what that fault explains), the untouched rigs stay
// problem-free throughout, and every problem clears once its fault is cleared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../../../electron/collector/collector';
import { type ProblemCode } from '../../../shared/health';
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings } from '../../../shared/health-settings';
import { rigLiveSchema } from '../../../shared/telemetry';
import { type Fault, type Farm, parseScenario, startFarm } from '../../../sim/index';
import { manualClock, type ManualClock } from '../../unit/electron/pool/manual-clock';
import { fakeHistory, liveOf, recordsOf, seeded, step } from '../collector/farm-fleet';

/** Windows shrunk so that minutes of simulated time show every rule raising and clearing. */
const HEALTH: HealthSettings = {
  ...DEFAULT_HEALTH_SETTINGS,
  hashrateLowMinutes: 2,
  poolGraceMinutes: 1,
  rebootLoopCount: 3,
  rebootLoopMinutes: 12,
  chipsGrowth: 3,
  chipsWindowMinutes: 4,
  trendWindowMinutes: 10,
};

type Case = {
  rig: string;
  fault: Fault;
  expect: ProblemCode;
  /** What the fault also explains on that rig (a hot rig may restart; a dead pool stops hashing). */
  also: ProblemCode[];
  /** Faults that only bite at boot need a reboot to start and to end. */
  reboot?: boolean;
  /** What rightly remains once the fault is cleared. */
  residual?: ProblemCode[];
  /** The firmware stays in its failure state after the cause is gone, until restarted (as on a real miner). */
  rebootToClear?: boolean;
};

const SILENCE: ProblemCode[] = ['stale', 'offline'];
const CASES: Case[] = [
  {
    rig: 'rig-01',
    fault: { kind: 'overheat', clogged: 0.9, ambientRise: 20 },
    expect: 'overheat-chip',
    // Heat ages chips too.
    also: [
      'overheat-board',
      'temp-trend',
      'thermal-restart',
      'hashrate-low',
      'reboot-loop',
      'chips-degrading',
      ...SILENCE,
    ],
  },
  {
    rig: 'rig-02',
    fault: { kind: 'fan-lost', fan: 0 },
    expect: 'fan-lost',
    // The firmware stops mining on a lost fan (its failure state, boards down, the other fans slowed) until restarted.
    also: ['temp-trend', 'miner-failure', 'chain-failed', 'fan-slow', 'hashrate-low'],
    rebootToClear: true,
  },
  {
    rig: 'rig-03',
    fault: { kind: 'chain-failure', chain: 2, state: 'failure' },
    expect: 'chain-failed',
    also: ['hashrate-low'],
  },
  {
    rig: 'rig-04',
    fault: { kind: 'chips-degrading', perHour: 300 },
    expect: 'chips-degrading',
    also: ['hashrate-low'],
    // Chips that went red stay red: the hashrate they took stays lost after the degrading stops.
    residual: ['hashrate-low'],
  },
  { rig: 'rig-05', fault: { kind: 'pool-down', slot: 0 }, expect: 'pool-down', also: ['hashrate-low'] },
  { rig: 'rig-06', fault: { kind: 'pool-rejecting', slot: 0 }, expect: 'pool-rejecting', also: [] },
  {
    rig: 'rig-07',
    fault: { kind: 'network', mode: 'no-answer', slowMs: 0 },
    expect: 'offline',
    also: ['stale'],
  },
  { rig: 'rig-08', fault: { kind: 'offline' }, expect: 'offline', also: ['stale'] },
  {
    rig: 'rig-09',
    fault: { kind: 'reboot-loop', everySec: 40 },
    expect: 'reboot-loop',
    also: ['hashrate-low', 'chain-failed', ...SILENCE],
  },
  {
    rig: 'rig-10',
    fault: { kind: 'init-failure', code: 1002, description: 'Failed to parse miner configuration' },
    expect: 'miner-failure',
    also: ['chain-failed', 'hashrate-low', ...SILENCE],
    reboot: true,
  },
  // Stock firmware, read over CGMiner RPC.
  {
    rig: 'rig-13',
    fault: { kind: 'chain-failure', chain: 1, state: 'failure' },
    expect: 'chain-failed',
    also: ['hashrate-low'],
  },
];
const HEALTHY = ['rig-11', 'rig-12', 'rig-14'];

let farm: Farm;
let clock: ManualClock;
let collector: Collector;

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'health-faults',
        seed: 9,
        ambient: 25,
        // A low difficulty: enough shares a minute for a reject rate to mean something.
        pool: { diff: 65_536 },
        rigs: [
          { count: 12, model: 'L7', firmware: '1.3.4' },
          { count: 2, model: 'L7', kind: 'stock-bitmain' },
        ],
      },
      'health test',
    ),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    timing: { initSec: 10, startSec: 10 },
  });
  await farm.advance(120);
  clock = manualClock();
  collector = createCollector({
    clock,
    history: fakeHistory(),
    passwordFor: () => 'admin',
    settings: {
      pollIntervalSec: 10,
      retention: { rawHours: 24, fiveMinuteDays: 14, hourlyDays: 365 },
      health: HEALTH,
    },
    overrides: { concurrency: 8 },
    random: seeded(),
  });
  collector.setRigs(recordsOf(farm));
  collector.start();
  // Past the rigs' warm-up: their temperatures settle on a plateau, as a fleet that has been running would be.
  await advance(600);
}, 120_000);

afterAll(async () => {
  await collector?.stop();
  await farm?.stop();
});

/** Both clocks forward together, in 5-second strides, every poll answered before time moves on. */
async function advance(seconds: number, each?: () => void): Promise<void> {
  for (let t = 0; t < seconds; t += 5) {
    await farm.advance(5);
    await step(clock, collector, 5000, 1000);
    each?.();
  }
}

const idOf = (name: string): string => {
  const r = farm.rigs.find((x) => x.name === name);
  if (!r) throw new Error(`no rig ${name}`);
  return r.serial;
};

const codesOf = (name: string): ProblemCode[] => liveOf(collector, idOf(name)).problems.map((p) => p.code);

/** Every code seen on each rig while `seconds` pass; healthy rigs must see none. */
async function watch(seconds: number, done: () => boolean): Promise<Map<string, Set<ProblemCode>>> {
  const seen = new Map<string, Set<ProblemCode>>();
  const note = () => {
    for (const r of farm.rigs) {
      const set = seen.get(r.name) ?? new Set<ProblemCode>();
      for (const c of codesOf(r.name)) set.add(c);
      seen.set(r.name, set);
    }
  };
  for (let t = 0; t < seconds && !done(); t += 30) await advance(30, note);
  return seen;
}

describe('health against injected faults', () => {
  it('starts with every rig online and healthy', () => {
    for (const r of farm.rigs) {
      const live = liveOf(collector, r.serial);
      expect(rigLiveSchema.parse(live)).toEqual(live);
      expect([r.name, live.liveness, live.health, live.problems]).toEqual([r.name, 'online', 'ok', []]);
    }
    expect(collector.summary().rigs.byHealth).toEqual({ ok: 14, warning: 0, critical: 0, unknown: 0 });
  });

  it('raises each fault as its problem on its rig, and nothing on the healthy rigs', async () => {
    for (const c of CASES) {
      farm.applyFault(c.rig, c.fault);
      if (c.reboot) farm.reboot(c.rig);
    }
    const raised = new Map<string, boolean>();
    const seen = await watch(1500, () => {
      for (const c of CASES) if (codesOf(c.rig).includes(c.expect)) raised.set(c.rig, true);
      return CASES.every((c) => raised.get(c.rig));
    });
    const report = CASES.map((c) => ({
      rig: c.rig,
      raised: raised.get(c.rig) ?? false,
      unexplained: [...(seen.get(c.rig) ?? [])].filter((code) => code !== c.expect && !c.also.includes(code)),
    }));
    expect(report).toEqual(CASES.map((c) => ({ rig: c.rig, raised: true, unexplained: [] })));
    expect(HEALTHY.map((name) => [name, [...(seen.get(name) ?? [])]])).toEqual(HEALTHY.map((n) => [n, []]));
    const text = liveOf(collector, idOf('rig-03')).problems.find((p) => p.code === 'chain-failed')?.text;
    expect(text).toMatch(/^chain 2 failure/);
    const byHealth = collector.summary().rigs.byHealth;
    expect(byHealth.ok).toBeGreaterThanOrEqual(HEALTHY.length);
    expect(byHealth.critical).toBeGreaterThan(0);
  }, 600_000);

  it('clears every problem once its fault is cleared', async () => {
    for (const c of CASES) {
      farm.clearFault(c.rig, c.fault.kind);
      if (c.reboot || c.rebootToClear) farm.reboot(c.rig);
    }
    const residual = (name: string): ProblemCode[] => CASES.find((c) => c.rig === name)?.residual ?? [];
    const cleared = (name: string): ProblemCode[] =>
      codesOf(name).filter((code) => !residual(name).includes(code));
    await watch(2400, () => farm.rigs.every((r) => cleared(r.name).length === 0));
    expect(farm.rigs.map((r) => [r.name, cleared(r.name)])).toEqual(farm.rigs.map((r) => [r.name, []]));
  }, 600_000);
});
