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
import { openDb } from '../electron/store/db';
import { DEFAULT_CONTROL_SETTINGS } from '../shared/control-settings';
import { startFarm } from '../sim/index';

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
