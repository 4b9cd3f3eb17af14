// @vitest-environment node
// The collector against the virtual farm's `demo` scenario (24 rigs on 127.0.0.1, one on stock firmware read
// over RPC), both clocks manual: within two intervals every reachable rig is online with the figures the sim
// rig itself holds; a miner cut off turns stale, then offline, and is online again on its first answer; a
// miner rebooted on request is shown restarting, never offline, until it hashes again; a rig that moves is
// re-read at its new address, a removed one leaves the view and the events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type CollectorUpdate, createCollector } from '../../../electron/collector/collector';
import { rigLiveSchema, type Liveness } from '../../../shared/telemetry';
import { type Farm, type RigInfo, startFarm } from '../../../sim/index';
import { manualClock, type ManualClock } from '../../unit/electron/pool/manual-clock';
import { fakeHistory, type FakeHistory, liveOf, recordsOf, seeded, step } from './farm-fleet';

const INTERVAL = 15_000;
const RETENTION = { rawHours: 24, fiveMinuteDays: 14, hourlyDays: 365 };
let farm: Farm;
let clock: ManualClock;
let history: FakeHistory;
let collector: Collector;
const updates: CollectorUpdate[] = [];

beforeAll(async () => {
  farm = await startFarm({
    scenario: 'demo',
    basePort: 24_620,
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    // A quick boot (the reboot itself keeps its 60–90 s down time) so the tests end before the scenario's own
    // faults on other rigs (3 min on) matter.
    timing: { initSec: 10, startSec: 10 },
  });
  await farm.advance(120); // power-on → initializing → starting → mining
  clock = manualClock();
  history = fakeHistory();
  collector = createCollector({
    clock,
    history,
    passwordFor: () => 'admin',
    settings: {
      pollIntervalSec: INTERVAL / 1000,
      retention: RETENTION,
    },
    overrides: { concurrency: 8 },
    random: seeded(),
  });
  collector.subscribe((u) => updates.push(u));
  collector.setRigs(recordsOf(farm));
  collector.start();
});

afterAll(async () => {
  await collector?.stop();
  await farm?.stop();
});

const idOf = (name: string): string => {
  const r = farm.rigs.find((x) => x.name === name);
  if (!r) throw new Error(`no rig ${name}`);
  return r.serial;
};

/** Every distinct liveness a rig shows while the clock moves `ms`, in order. */
async function watch(rigId: string, ms: number, each?: () => Promise<void>): Promise<Liveness[]> {
  const seen: Liveness[] = [liveOf(collector, rigId).liveness];
  for (let t = 0; t < ms; t += 1000) {
    await each?.();
    await step(clock, collector, 1000);
    const now = liveOf(collector, rigId).liveness;
    if (now !== seen[seen.length - 1]) seen.push(now);
  }
  return seen;
}

function expectFiguresOf(info: RigInfo): void {
  const sim = farm.rig(info.name);
  const live = liveOf(collector, info.serial);
  expect(rigLiveSchema.parse(live)).toEqual(live);
  const visible = sim.chains.filter((c) => c.fault !== 'disconnected');
  expect(live.liveness).toBe('online');
  expect(live.hashrateMhs).toBeCloseTo(sim.hrRealtime, 1);
  expect(live.chains.map((c) => c.id)).toEqual(sim.chains.map((c) => c.id));
  expect(live.chipTempMaxC).toBe(Math.round(Math.max(...visible.map((c) => c.chipTemp))));
  expect(live.fanRpmMin).toBe(Math.min(...sim.fans.map((f) => f.rpm)));
  if (info.kind === 'vnish') {
    expect(live.powerW).toBe(sim.powerW);
    expect(live.minerState).toBe(sim.phase.state);
    expect(live.preset).toBe(sim.active.overclock.preset);
    expect(collector.details(info.serial)?.source).toBe('vnish-rest');
  } else {
    // Stock firmware: no Vnish REST, so the RPC fallback, which reports neither power nor a state.
    expect(collector.details(info.serial)?.source).toBe('cgminer-rpc');
  }
}

describe('collector against the demo farm', () => {
  it('has every reachable rig online with the right figures within two intervals', async () => {
    expect(collector.live().every((l) => l.liveness === 'unknown')).toBe(true);
    await step(clock, collector, 2 * INTERVAL);
    for (const info of farm.rigs) expectFiguresOf(info);
    const summary = collector.summary();
    expect(summary.rigs).toMatchObject({ total: 24, online: 24, stale: 0, offline: 0, unknown: 0 });
    const sum = collector.live().reduce((n, l) => n + (l.hashrateMhs ?? 0), 0);
    expect(summary.hashrateMhs).toBeCloseTo(sum, 6);
    // One batch per cycle, every rig sampled, with a row per chain.
    expect(history.batches).toHaveLength(2);
    const sampled = new Set(history.batches.flatMap((b) => b.samples.map((s) => s.rigId)));
    expect(sampled.size).toBe(24);
    const lastCycle = history.batches[1];
    expect(lastCycle?.chains.length).toBe(
      lastCycle?.samples.reduce((n, s) => n + (s.rigId === idOf('rig-23') ? 4 : 3), 0),
    );
    // Subscribers heard of every rig, and the cycle updates carry only what changed.
    const heard = new Set(updates.flatMap((u) => u.live.map((l) => l.rigId)));
    expect(heard.size).toBe(24);
  });

  it('turns a miner that is cut off stale, then offline, and online again on its first answer', async () => {
    const id = idOf('rig-05');
    farm.applyFault('rig-05', { kind: 'offline' });
    await farm.settle();
    // Simulated time: generous bounds cost nothing (offline is due about a minute after the last answer).
    const down = await watch(id, 100_000);
    expect(down).toEqual(['online', 'stale', 'offline']);
    expect(liveOf(collector, id).lastError).toMatch(/ECONNREFUSED|refused|reset/i);
    const others = collector.live().filter((l) => l.rigId !== id);
    expect(others.every((l) => l.liveness === 'online')).toBe(true);

    farm.clearFault('rig-05', 'offline');
    await farm.settle();
    let offlineBesideAnAnswer = false;
    // Backed off to one poll a minute while silent, so it is seen back within about a minute and a quarter.
    const back = await watch(id, 120_000, async () => {
      const l = liveOf(collector, id);
      if (l.liveness === 'offline' && l.lastError === null) offlineBesideAnAnswer = true;
    });
    expect(back).toEqual(['offline', 'online']);
    // Never "Offline" beside the figures of an answer: the first answer brings it back.
    expect(offlineBesideAnAnswer).toBe(false);
    const logged = history.batches
      .flatMap((b) => b.events)
      .filter((e) => e.rigId === id && e.kind === 'liveness');
    expect(logged.map((e) => e.liveness)).toEqual(['stale', 'offline', 'online']);
  });

  it('shows a miner rebooted on request as restarting, not offline, until it hashes again', async () => {
    const id = idOf('rig-09');
    collector.markRestarting(id, clock.now() + 5 * 60_000);
    farm.reboot('rig-09');
    const shown: string[] = [];
    let sawDown = false;
    for (let t = 0; t < 300 && shown[shown.length - 1] !== 'online mining'; t++) {
      await farm.advance(1);
      await step(clock, collector, 1000);
      const l = liveOf(collector, id);
      if (l.lastError !== null) sawDown = true;
      const label = `${l.liveness} ${l.restarting ? 'restarting' : l.minerState}`;
      if (label !== shown[shown.length - 1]) shown.push(label);
    }
    expect(sawDown).toBe(true);
    expect(shown[0]).toBe('online restarting');
    expect(shown).toContain('stale restarting');
    expect(shown[shown.length - 1]).toBe('online mining');
    expect(shown.some((s) => s.startsWith('offline'))).toBe(false);
    await step(clock, collector, INTERVAL); // the cycle that writes the last events
    const events = history.batches.flatMap((b) => b.events).filter((e) => e.rigId === id);
    expect(events.map((e) => e.kind)).not.toContain('failure');
    expect(events.some((e) => e.liveness === 'offline')).toBe(false);
    // Upkeep ran at the first cycle and every five minutes after, with the configured retention.
    const upkeep = history.maintained.map((m) => m.nowMs);
    expect(upkeep.length).toBeGreaterThanOrEqual(2);
    expect(upkeep.slice(1).every((t, i) => t - (upkeep[i] ?? 0) >= 300_000)).toBe(true);
    expect(history.maintained[0]?.retention).toEqual(RETENTION);
    const told = events.filter((e) => e.kind === 'reboot' || e.kind === 'liveness').map((e) => e.text);
    expect(told).toEqual([
      'restart requested, expected back within 5 min',
      expect.stringMatching(/^stale: 2 polls missed \(.*ECONNREFUSED/),
      expect.stringMatching(/^online again after .+ without an answer$/),
      'back from restart, mining',
    ]);
  });

  it('follows the registry: a rig at a new address is re-read there at once, a removed rig is dropped', async () => {
    const records = recordsOf(farm);
    const id = idOf('rig-20');
    const wrong = records.map((r) => (r.id === id ? { ...r, httpPort: 1, rpcPort: 2 } : r));
    collector.setRigs(wrong);
    await step(clock, collector, 1000);
    expect(liveOf(collector, id).lastError).toMatch(/ECONNREFUSED/);
    const movedBackAt = clock.now();
    collector.setRigs(records);
    await step(clock, collector, 1000);
    const back = liveOf(collector, id);
    expect([back.liveness, back.lastError]).toEqual(['online', null]);
    expect(back.takenAtMs).toBeGreaterThanOrEqual(movedBackAt);
    expect(collector.details(id)?.source).toBe('vnish-rest');

    updates.length = 0;
    collector.setRigs(records.filter((r) => r.id !== id));
    await step(clock, collector, INTERVAL);
    expect(collector.live().map((l) => l.rigId)).not.toContain(id);
    expect(collector.snapshot(id)).toBeNull();
    expect(updates.flatMap((u) => u.removed)).toEqual([id]);
    expect(collector.summary().rigs.total).toBe(23);
  });
});
