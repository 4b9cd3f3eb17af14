/**
 * Bulk control (issue 10): a 60-rig bulk reboot with the default pacing (5 at a time) against 60 virtual miners
 * on loopback, through the same job runner and command runner the core uses. The farm's clock is manual and is
 * moved a simulated second per step, with its default reboot and boot times; the stagger is shrunk in the same
 * proportion (10 s → 100 ms) so the run takes seconds, the cap logic unchanged. Reports the most rigs in their
 * reboot cycle at once as the virtual miners themselves show it (down, or up but not hashing yet), beside the cap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createJobStore } from '../electron/control/job-store';
import { createJobs } from '../electron/control/jobs';
import { type ControlTarget, createControl } from '../electron/control/runner';
import { systemClock } from '../electron/clock';
import { createVnishClient } from '../electron/miners/vnish/client';
import { createMinerAgent } from '../electron/miners/vnish/http';
import { createNodeCore } from '../electron/headless-core';
import { openDb } from '../electron/store/db';
import { DEFAULT_CONTROL_SETTINGS } from '../shared/control-settings';
import { startFarm } from '../sim/index';
import { median, percentile, round } from './lib/stats';

const RIGS = 60;
/** Real ms per simulated second while the farm is driven: the stagger is scaled by the same factor. */
const STEP_MS = 10;

export async function runControlBench(): Promise<Record<string, number>> {
  const farm = await startFarm({
    miners: RIGS,
    model: 'L7',
    firmware: '1.3.4',
    clock: 'manual',
    seed: 5,
    services: { prohashing: false, abacus: false, control: false },
  });
  const agent = createMinerAgent();
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-control-'));
  const db = openDb(dir);
  try {
    await farm.advance(120); // power-on → mining
    await farm.settle();
    const targets = new Map<string, ControlTarget>();
    for (const info of farm.rigs) {
      const c = createVnishClient({ host: info.ip, port: info.httpPort, agent });
      const [model, presets] = await Promise.all([c.model(), c.presets()]);
      targets.set(info.name, {
        host: info.ip,
        port: info.httpPort,
        password: 'admin',
        facts: { firmwareVersion: '1.3.4', model, presets },
      });
    }
    const control = createControl({
      target: (rigId) => targets.get(rigId) ?? null,
      markRestarting: () => undefined,
      audit: null,
      agent,
      timing: { readBackIntervalMs: STEP_MS, readBackMs: 60_000, rebootWindowMs: 300_000 },
    });
    const { concurrency, staggerSec } = DEFAULT_CONTROL_SETTINGS;
    const staggerMs = staggerSec * STEP_MS;
    const jobs = createJobs({
      control,
      store: createJobStore(db),
      clock: systemClock,
      pacing: () => ({ concurrency, staggerMs }),
      emit: () => undefined,
    });
    const names = farm.rigs.map((r) => r.name);
    const inCycle = (name: string): boolean => {
      const rig = farm.rig(name);
      return rig.power.kind !== 'on' || !['mining', 'auto-tuning'].includes(rig.phase.state);
    };
    const made = jobs.start({ action: { kind: 'reboot' }, rigIds: names, face: 'cli' });
    let peak = 0;
    let steps = 0;
    for (;;) {
      const job = jobs.get(made.id);
      peak = Math.max(peak, names.filter(inCycle).length);
      if (job === null || job.state !== 'running') {
        jobs.stop();
        return {
          bulk_reboot_60_peak_concurrent: peak,
          bulk_reboot_60_cap: concurrency,
          bulk_reboot_60_done_rigs: job?.totals.done ?? 0,
          bulk_reboot_60_sim_s: steps,
        };
      }
      await farm.advance(1);
      await farm.settle();
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      steps += 1;
    }
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
    await farm.stop();
    agent.destroy();
  }
}

const ROUNDTRIPS = 30;

/**
 * `control_roundtrip_ms`: from `control.run` on the core's dispatcher to the job's end on the event bus, for a
 * fan target change on one virtual miner: limits, the settings backup before it, the write and the read-back.
 * The virtual miner applies settings the moment it saves them (no apply delay of its own to subtract), so the
 * figure is RigDeck's side plus loopback HTTP. Median and p95 of 30 changes, alternating 65 / 70 °C.
 */
export async function runControlRoundtripBench(): Promise<Record<string, number>> {
  const farm = await startFarm({
    miners: 1,
    model: 'L7',
    firmware: '1.3.4',
    clock: 'manual',
    seed: 9,
    services: { prohashing: false, abacus: false, control: false },
  });
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-roundtrip-'));
  const quiet = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  const core = createNodeCore({ dataDir: dir, log: quiet });
  const ctx = { face: 'desktop' as const, peer: 'bench' };
  const call = async (method: string, params: unknown): Promise<unknown> => {
    const r = await core.dispatch(method, params, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  try {
    await farm.advance(120);
    const info = farm.rigs[0];
    if (info === undefined) throw new Error('no rig');
    await call('fleet.add', { addresses: [{ ip: info.ip, port: info.httpPort, rpcPort: info.rpcPort }] });
    await call('fleet.pollNow', {});
    const { rigs } = (await call('fleet.list', {})) as { rigs: Array<{ id: string }> };
    const rigId = rigs[0]?.id ?? '';
    const ends = new Map<string, (state: string) => void>();
    core.events.subscribe((name, payload) => {
      const p = payload as { jobId: string; state: string };
      if (name === 'job.progress' && p.state !== 'running') ends.get(p.jobId)?.(p.state);
    });
    const times: number[] = [];
    for (let i = 0; i < ROUNDTRIPS; i++) {
      const target = i % 2 === 0 ? 65 : 70;
      const t0 = performance.now();
      const { jobId } = (await call('control.run', {
        action: 'fan',
        rigIds: [rigId],
        params: { mode: 'auto', target },
      })) as { jobId: string };
      const state = await new Promise<string>((resolve) => ends.set(jobId, resolve));
      times.push(performance.now() - t0);
      const job = (await call('jobs.get', { id: jobId })) as { rigs: Array<{ state: string }> };
      if (state !== 'done' || job.rigs[0]?.state !== 'done')
        throw new Error(`fan change ${i} ended ${state}`);
    }
    return {
      control_roundtrip_ms: round(median(times)),
      control_roundtrip_p95_ms: round(percentile(times, 95)),
    };
  } finally {
    await core.stop();
    await farm.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
