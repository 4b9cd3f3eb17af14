// @vitest-environment node
// The collector on the real clock with a 1 s interval, fed by the ProHashing connector against the farm's pool
// fake: pool settings read from each rig (slow tier) reach the connector's worker ↔ rig mapping, and each rig's
// view carries its worker's pool-reported hashrate; passwords stay inside; refresh() answers; stop() is clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type CollectorUpdate, createCollector } from '../../../electron/collector/collector';
import { systemClock } from '../../../electron/clock';
import { createProHashing, type ProHashingService } from '../../../electron/pool/prohashing/service';
import { type Farm, startFarm } from '../../../sim/index';
import { fakeHistory, recordsOf, until } from './farm-fleet';

let farm: Farm;
let pool: ProHashingService;
let collector: Collector;
const updates: CollectorUpdate[] = [];

beforeAll(async () => {
  farm = await startFarm({
    scenario: 'demo',
    basePort: 24_720,
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: true, abacus: false, control: false },
    timing: { initSec: 10, startSec: 10 },
  });
  await farm.advance(120); // the rigs hash, and the pool fake has a session per rig
  const ph = farm.prohashing;
  if (!ph) throw new Error('the farm has no ProHashing fake');
  pool = createProHashing({
    apiKey: ph.apiKey,
    accountName: ph.account,
    baseUrl: `${ph.url}/api/v1`,
    wsUrl: ph.wsUrl,
    clock: systemClock,
    live: { reconnect: { baseMs: 50 } },
    rest: false,
  });
  collector = createCollector({
    history: fakeHistory(),
    passwordFor: () => 'admin',
    pool,
    overrides: { cadence: { intervalMs: 1000 } },
  });
  collector.subscribe((u) => updates.push(u));
  collector.setRigs(recordsOf(farm));
  pool.start();
  collector.start();
});

afterAll(async () => {
  await collector?.stop();
  await pool?.stop();
  await farm?.stop();
});

describe('collector with the ProHashing connector', () => {
  it('merges each worker’s pool hashrate into its rig, matched by the worker name in the rig’s pool settings', async () => {
    const vnish = farm.rigs.filter((r) => r.kind === 'vnish');
    await until(() => {
      const live = collector.live();
      expect(live.every((l) => l.liveness === 'online')).toBe(true);
      for (const r of vnish)
        expect(live.find((l) => l.rigId === r.serial)?.poolHashrateMhs).toBeGreaterThan(0);
    });
    const workers = new Map(pool.getState().workers.map((w) => [w.name, w.hashrateHs / 1e6]));
    const live = collector.live();
    for (const r of vnish) {
      const l = live.find((x) => x.rigId === r.serial);
      const worker = farm.rig(r.name).active.pools[0].pass.replace(/^.*n=/, '');
      expect(l?.workerName).toBe(worker);
      expect(l?.poolHashrateMhs).toBe(workers.get(worker));
    }
    // Stock firmware is read over RPC: its pool password (the worker name) is not visible there.
    const stock = farm.rigs.find((r) => r.kind !== 'vnish');
    expect(live.find((l) => l.rigId === stock?.serial)?.workerName).toBeNull();
    const summary = collector.summary();
    const sum = live.reduce((n, l) => n + (l.poolHashrateMhs ?? 0), 0);
    expect(summary.poolHashrateMhs).toBeCloseTo(sum, 6);
    expect(updates.some((u) => u.live.some((l) => l.poolHashrateMhs !== null))).toBe(true);
  });

  it('keeps stratum passwords inside and re-reads a rig, chip detail included, on demand', async () => {
    const first = farm.rigs[0];
    if (!first) throw new Error('empty farm');
    const details = collector.details(first.serial);
    expect(details?.pools?.[0]).toEqual({
      url: expect.stringContaining('prohashing.com'),
      user: 'rigdeck-demo',
    });
    expect(JSON.stringify(details)).not.toContain('n=');
    expect(details?.presets?.length).toBeGreaterThan(0);
    // Chip detail is read on demand only.
    expect(details?.chips).toBeNull();
    const before = details?.slowAtMs ?? 0;
    const live = await collector.refresh(first.serial);
    expect(live?.liveness).toBe('online');
    const after = collector.details(first.serial);
    expect(after?.slowAtMs).toBeGreaterThan(before);
    expect(after?.chips?.map((c) => c.chips.length)).toEqual([120, 120, 120]);
    expect(collector.snapshot(first.serial)?.identity.serial).toBe(first.serial);
  });

  it('keeps one copy of what rigs of one model and firmware report alike, and each rig its own serial', () => {
    const read = farm.rigs
      .filter((r) => r.kind === 'vnish')
      .map((r) => ({ serial: r.serial, d: collector.details(r.serial) }));
    const limits = (m: { serial: string | null } | null | undefined): string =>
      JSON.stringify(m ? { ...m, serial: null } : null);
    let alike = 0;
    for (const a of read) {
      expect(a.d?.model?.serial).toBe(a.serial);
      for (const b of read) {
        if (a === b) continue;
        if (JSON.stringify(a.d?.presets) === JSON.stringify(b.d?.presets)) {
          alike++;
          expect(a.d?.presets).toBe(b.d?.presets);
        }
        if (limits(a.d?.model) === limits(b.d?.model)) {
          alike++;
          expect(a.d?.model?.chain).toBe(b.d?.model?.chain);
          expect(a.d?.model?.overclock).toBe(b.d?.model?.overclock);
        }
      }
    }
    expect(alike).toBeGreaterThan(0);
  });

  it('stops with nothing in flight', async () => {
    await collector.stop();
    expect(collector.stats().inFlight).toBe(0);
  });
});
