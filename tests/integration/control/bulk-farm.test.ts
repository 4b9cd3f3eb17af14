// @vitest-environment node
// Bulk jobs against the virtual farm on loopback: a bulk reboot never has more rigs in their reboot cycle (down,
// or booting back to hashing, as the virtual miners themselves say) than the cap; a rig that fails does not
// hold up the others; cancel leaves the rigs not yet sent untouched. The farm's clock is manual and moved here;
// control runs on the real clock with short waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Job } from '../../../shared/jobs';
import { createJobStore } from '../../../electron/control/job-store';
import { createJobs, type Jobs } from '../../../electron/control/jobs';
import { type ControlTarget, createControl } from '../../../electron/control/runner';
import { createVnishClient } from '../../../electron/miners/vnish/client';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { openDb, type Db } from '../../../electron/store/db';
import { parseScenario, startFarm, type Farm } from '../../../sim/index';
import { tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

const CAP = 2;
const agent = createMinerAgent();
let farm: Farm;
let db: Db;
let jobs: Jobs;
const targets = new Map<string, ControlTarget>();
const names = ['a', 'b', 'c', 'd', 'e', 'f', 'pw'];

const scenario = {
  name: 'bulk',
  rigs: names.map((name) => ({
    name,
    model: 'L7',
    firmware: '1.3.4',
    ...(name === 'pw' ? { password: 'secret' } : {}),
  })),
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Down, or up but not hashing yet: a rig in its reboot cycle, as the virtual miner itself is. */
const inCycle = (name: string): boolean => {
  const rig = farm.rig(name);
  return rig.power.kind !== 'on' || !['mining', 'auto-tuning'].includes(rig.phase.state);
};

/** Moves the farm's clock a second at a time until the job ends; the most rigs in their reboot cycle at once. */
async function drive(jobId: string): Promise<{ job: Job; peak: number }> {
  let peak = 0;
  for (;;) {
    const job = jobs.get(jobId);
    if (job === null) throw new Error('job lost');
    peak = Math.max(peak, names.filter(inCycle).length);
    if (job.state !== 'running') return { job, peak };
    await farm.advance(1);
    await farm.settle();
    await pause(15);
  }
}

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(2 * names.length),
    clock: 'manual',
    servicePort: 0,
    seed: 11,
    services: { prohashing: false, abacus: false, control: false },
    timing: { initSec: 5, startSec: 5, rebootAfterSec: 1, rebootDownMinSec: 8, rebootDownMaxSec: 12 },
  });
  await farm.advance(30);
  for (const info of farm.rigs) {
    const password = info.name === 'pw' ? 'secret' : 'admin';
    const c = createVnishClient({ host: info.ip, port: info.httpPort, agent, password });
    const [model, presets] = await Promise.all([c.model(), c.presets()]);
    targets.set(info.name, {
      host: info.ip,
      port: info.httpPort,
      password: 'admin', // pw's real one is "secret": its reboot fails to log in
      facts: { firmwareVersion: '1.3.4', model, presets },
    });
  }
  const control = createControl({
    target: (rigId) => targets.get(rigId) ?? null,
    markRestarting: () => undefined,
    audit: null,
    agent,
    timing: { readBackMs: 5_000, readBackIntervalMs: 20, callTimeoutMs: 2_000, rebootWindowMs: 30_000 },
  });
  db = openDb(tempDir());
  jobs = createJobs({
    control,
    store: createJobStore(db),
    clock: {
      now: () => Date.now(),
      after: (ms, fn) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
    },
    pacing: () => ({ concurrency: CAP, staggerMs: 30 }),
    emit: () => undefined,
  });
});

afterAll(async () => {
  jobs?.stop();
  await farm?.stop();
  agent.destroy();
  db?.$client.close();
});

describe('bulk reboot on the virtual farm', () => {
  it('never has more than the cap in their reboot cycle, and a failing rig does not block the others', async () => {
    expect(names.filter(inCycle)).toEqual([]);
    const before = new Map(names.map((n) => [n, farm.rig(n).bootedAt]));
    const made = jobs.start({ action: { kind: 'reboot' }, rigIds: names, face: 'cli' });
    expect(made.concurrency).toBe(CAP);
    const { job, peak } = await drive(made.id);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(CAP);
    expect(job.state).toBe('done');
    expect(job.rigs.map((r) => [r.rigId, r.state])).toEqual([
      ...names.filter((n) => n !== 'pw').map((n) => [n, 'done']),
      ['pw', 'failed'],
    ]);
    expect(job.rigs.at(-1)?.message).toContain('log in');
    // Every rig but pw really rebooted, and is back to work.
    for (const n of names) expect(farm.rig(n).bootedAt !== before.get(n)).toBe(n !== 'pw');
    expect(names.filter(inCycle)).toEqual([]);
  });

  it('cancel leaves the rigs not yet sent as they were; those in flight finish and report', async () => {
    const before = new Map(names.map((n) => [n, farm.rig(n).bootedAt]));
    const made = jobs.start({ action: { kind: 'reboot' }, rigIds: names, face: 'headless' });
    while ((jobs.get(made.id)?.totals.running ?? 0) < CAP) await pause(10);
    const cancelled = jobs.cancel(made.id);
    expect(cancelled?.totals).toMatchObject({ running: CAP, queued: 0, cancelled: names.length - CAP });
    const { job, peak } = await drive(made.id);
    expect(peak).toBeLessThanOrEqual(CAP);
    expect(job.state).toBe('cancelled');
    expect(job.rigs.map((r) => r.state)).toEqual([
      'done',
      'done',
      ...names.slice(CAP).map(() => 'cancelled'),
    ]);
    for (const n of names) expect(farm.rig(n).bootedAt !== before.get(n)).toBe(!names.slice(CAP).includes(n));
  });
});
