/**
 * Health rules over the fleet (issue 9): the collector evaluates every rig's health once per cycle (and once per
 * poll answer). This times that per-cycle pass for 1,000 L7s exactly as the collector runs it (withHealth on each
 * entry: the live view, memory step, every rule), with a realistic mix of troubles: some hot, some with a fan
 * lost, a failed chain, rejecting pools, a pool worker, a rig offline. Median over many cycles after a warm-up;
 * the budget is 5,000 µs for 1,000 rigs.
 */
import { performance } from 'node:perf_hooks';

import { newEntry, type RigEntry, withHealth } from '../electron/collector/rig-entry';
import { DEFAULT_HEALTH_SETTINGS } from '../shared/health-settings';
import { type RigRecord } from '../shared/fleet';
import { type ChainSnapshot, type RigSnapshot } from '../shared/rig';
import { median, round } from './lib/stats';

const RIGS = 1000;
const CYCLES = 60;
const WARMUP = 20;
const POLL_MS = 15_000;
const T0 = Date.UTC(2026, 0, 5);

export function record(i: number): RigRecord {
  const id = `rig-${String(i).padStart(4, '0')}`;
  return {
    id,
    name: id,
    labels: [],
    ip: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
    httpPort: 80,
    rpcPort: 4028,
    serial: id,
    mac: null,
    model: 'Antminer L7',
    firmware: 'Vnish',
    firmwareVersion: '1.3.4',
    hostname: null,
    addedAt: T0,
    updatedAt: T0,
    hasOwnPassword: false,
  };
}

function chain(id: number, i: number, cycle: number): ChainSnapshot {
  const failed = i % 97 === 0 && id === 2;
  const chip = 62 + (i % 7) + (i % 50 === 0 ? 25 : 0) + (i % 33 === 0 ? cycle * 0.2 : 0);
  return {
    id,
    state: failed ? 'failure' : 'mining',
    stateRaw: null,
    description: null,
    frequencyMhz: 500,
    voltageMv: 13500,
    powerW: 1140,
    hashrateMhs: failed ? 0 : 3166,
    idealHashrateMhs: 3166,
    hashratePercent: 100,
    hwErrors: 3,
    chipTemp: { minC: chip - 6, maxC: chip },
    boardTemp: { minC: chip - 20, maxC: chip - 15 },
    chipGrades: { grey: 118 - (i % 5), orange: 2 + (i % 5), red: 0 },
    chipCount: 120,
    inletWaterTempC: null,
    outletWaterTempC: null,
  };
}

export function snapshot(i: number, cycle: number): RigSnapshot {
  const at = T0 + cycle * POLL_MS;
  const rejecting = i % 41 === 0;
  return {
    takenAtMs: at,
    source: 'vnish-rest',
    identity: {
      firmware: 'Vnish',
      firmwareVersion: '1.3.4',
      model: 'Antminer L7',
      modelCode: 'l7',
      serial: `rig-${i}`,
      mac: null,
      hostname: null,
      ip: null,
      algorithm: 'scrypt',
      reportedHashUnit: 'MH/s',
    },
    minerState: 'mining',
    minerStateRaw: 'mining',
    minerStateSec: 600,
    failureCode: null,
    failureDescription: null,
    throttledPercent: 100,
    restartRequired: false,
    rebootRequired: false,
    uptimeSec: 3600 + cycle * 15,
    minerUptimeSec: null,
    hashrateMhs: 9500 - (i % 97 === 0 ? 3166 : 0),
    averageHashrateMhs: 9480,
    nominalHashrateMhs: 9500,
    stockHashrateMhs: 9500,
    errorHashrateMhs: 1,
    powerW: 3425,
    efficiencyJPerMh: 3425 / 9500,
    hwErrors: 9,
    hwErrorsPercent: 0.01,
    chipTemp: { minC: 55, maxC: 68 },
    boardTemp: { minC: 43, maxC: 48 },
    chains: [1, 2, 3].map((id) => chain(id, i, cycle)),
    fans: [0, 1, 2, 3].map((id) => ({
      id,
      rpm: i % 61 === 0 && id === 1 ? 0 : 4000 + id * 100,
      maxRpm: 6000,
      status: 'ok' as const,
    })),
    fanDutyPercent: 60,
    fanMode: 'auto',
    pools: [0, 1].map((id) => ({
      id,
      url: `stratum+tcp://pool${id}:3333`,
      user: 'acct',
      kind: 'user' as const,
      status: id === 0 ? ('active' as const) : ('working' as const),
      statusRaw: null,
      accepted: 1000 + cycle * 20,
      rejected: 10 + (rejecting ? cycle * 5 : 0),
      stale: 0,
      difficulty: null,
      pingMs: 20,
    })),
    preset: null,
    incomplete: [],
  };
}

/** The median µs of one cycle's health pass over `RIGS` rigs. */
export function runHealthBench(): Promise<Record<string, number>> {
  let entries: Array<[string, RigEntry]> = Array.from({ length: RIGS }, (_, i) => {
    const r = record(i);
    return [r.id, newEntry(r, i)];
  });
  // Each rig's reading, built once; a cycle's reading is a shallow copy with its time and counters moved on
  // (so the garbage the bench itself makes does not stand in for the rules' own).
  const bases = entries.map((_, i) => snapshot(i, 0));
  const reading = (i: number, cycle: number): RigSnapshot => {
    const base = bases[i] as RigSnapshot;
    const warming = i % 33 === 0;
    const rejecting = i % 41 === 0;
    return {
      ...base,
      takenAtMs: T0 + cycle * POLL_MS,
      uptimeSec: 3600 + cycle * 15,
      chains: warming ? [1, 2, 3].map((id) => chain(id, i, cycle)) : base.chains,
      pools: rejecting ? snapshot(i, cycle).pools : base.pools,
    };
  };
  const times: number[] = [];
  let problems = 0;
  for (let cycle = 0; cycle < WARMUP + CYCLES; cycle++) {
    const now = T0 + cycle * POLL_MS;
    // The polls' results land first (not timed: that is the collector bench's business).
    entries = entries.map(([id, e], i) => {
      const offline = i % 199 === 0;
      const snap = offline ? e.snapshot : reading(i, cycle);
      const liveness = offline && cycle > 4 ? ('offline' as const) : ('online' as const);
      return [id, { ...e, snapshot: snap, health: { ...e.health, liveness, lastAnswerMs: now } }];
    });
    const start = performance.now();
    const next: Array<[string, RigEntry]> = [];
    for (const [id, e] of entries) next.push([id, withHealth(id, e, now, DEFAULT_HEALTH_SETTINGS)]);
    const us = (performance.now() - start) * 1000;
    entries = next;
    if (cycle >= WARMUP) times.push(us);
    if (cycle === WARMUP + CYCLES - 1)
      for (const [, e] of entries) problems += e.check.step?.problems.length ?? 0;
  }
  return Promise.resolve({
    health_eval_1000_us: round(median(times), 0),
    health_problems_in_fleet: problems,
  });
}

// `npx tsx bench/health.ts` runs this suite alone.
if (process.argv[1] === import.meta.filename) {
  runHealthBench().then(
    (m) => console.log(JSON.stringify(m, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
