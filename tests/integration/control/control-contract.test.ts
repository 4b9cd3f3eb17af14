// @vitest-environment node
// control.run and audit.list through a real core's dispatcher against the virtual farm: the limits come from
// what the collector read of each rig, disruptive actions need confirm, parameters are validated, a restart
// shows the rig restarting, and every command is in the audit log with the face that asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import { createNodeCore } from '../../../electron/headless-core';
import type { RigRecord } from '../../../shared/fleet';
import type { AuditEntry, RigResult } from '../../../shared/control';
import type { Job, JobProgress, JobSummary } from '../../../shared/jobs';
import { resultOf } from '../../../electron/control/jobs';
import type { RigLive } from '../../../shared/telemetry';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { freePortRange } from '../../helpers/loopback';
import { quietLog, tempDir } from '../../helpers/core';

const ctx = { face: 'desktop' as const, peer: 'test' };
let farm: Farm;
let core: Core;
const ids = new Map<string, string>();

async function call<T>(method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function run(
  action: string,
  names: string[],
  extra: Record<string, unknown> = {},
): Promise<RigResult[]> {
  const rigIds = names.map((n) => ids.get(n) ?? n);
  const { jobId } = await call<{ jobId: string }>('control.run', { action, rigIds, ...extra });
  const job = await ended(jobId);
  return job.rigs.map((r) => {
    const result = resultOf(r);
    if (result === null) throw new Error(`${r.rigId} ended ${r.state}`);
    return result;
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a job through jobs.get until it has ended. */
async function ended(jobId: string): Promise<Job> {
  for (;;) {
    const job = await call<Job>('jobs.get', { id: jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  const scenario = {
    name: 'control-contract',
    rigs: [
      { name: 'l7', model: 'L7', firmware: '1.2.7' },
      { name: 'l9', model: 'L9', firmware: '1.3.4' },
    ],
  };
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(4),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 3,
    timing: { initSec: 10, startSec: 10 },
  });
  await farm.advance(60);
  core = createNodeCore({ dataDir: tempDir(), log: quietLog });
  await call('fleet.add', {
    addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
  });
  const { rigs } = await call<{ rigs: RigRecord[] }>('fleet.list');
  for (const info of farm.rigs) {
    const rec = rigs.find((r) => r.httpPort === info.httpPort);
    if (!rec) throw new Error(`${info.name} not registered`);
    ids.set(info.name, rec.id);
  }
  // The collector's first read of each rig includes its /model and presets: what the limits are judged on.
  await call('fleet.pollNow');
});

afterAll(async () => {
  await core?.stop();
  await farm?.stop();
});

describe('control.run and audit.list', () => {
  it('refuses a disruptive action without confirm, and sends nothing', async () => {
    const r = await core.dispatch('control.run', { action: 'stop', rigIds: [ids.get('l7')] }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_argument');
    expect(r.error.message).toBe(
      '"stop" stops hashing until it is started again on 1 rig: confirm to proceed.',
    );
    expect(farm.rig('l7').phase.state).toBe('mining');
  });

  it('validates the parameters of the action', async () => {
    const r = await core.dispatch(
      'control.run',
      { action: 'locate', rigIds: ['x'], params: { on: 'yes' } },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('on');
    const stray = await core.dispatch(
      'control.run',
      { action: 'reboot', rigIds: ['x'], params: { delay: 5 }, confirm: true },
      ctx,
    );
    expect(stray.ok).toBe(false);
    if (!stray.ok) expect(stray.error.code).toBe('invalid_argument');
  });

  it('runs an action on several rigs, each with its own result', async () => {
    const results = await run('locate', ['l7', 'l9', 'unknown-rig'], { params: { on: true } });
    expect(results.map((r) => r.outcome)).toEqual(['done', 'done', 'refused']);
    expect(farm.rig('l7').findMiner).toBe(true);
    expect(farm.rig('l9').findMiner).toBe(true);
  });

  it('judges presets and overclock on what the collector read of the rig', async () => {
    const [unknown] = await run('preset', ['l9'], { params: { name: '1' } });
    expect(unknown).toMatchObject({ outcome: 'refused' });
    expect(unknown?.message).toContain('Unknown preset "1"');
    const max = farm.rig('l9').model.maxFreq;
    const [fast] = await run('overclock', ['l9'], { params: { freq: max + 50 } });
    expect(fast?.message).toContain(`frequency ${max + 50} is outside`);
    const [old] = await run('throttle', ['l7'], { params: { percent: 50 } });
    expect(old?.message).toContain('needs Vnish 1.3.3');
    const preset = farm
      .rig('l9')
      .model.presets.find((p) => p.name !== farm.rig('l9').settings.miner.overclock.preset);
    const [applied] = await run('preset', ['l9'], { params: { name: preset?.name } });
    expect(applied).toMatchObject({ outcome: 'done', restartRequired: true });
  });

  it('restarts a confirmed rig, shows it restarting, and holds it in the job until it hashes again', async () => {
    const { jobId } = await call<{ jobId: string }>('control.run', {
      action: 'restart',
      rigIds: [ids.get('l9')],
      confirm: true,
    });
    while (farm.rig('l9').phase.state !== 'restarting') await pause(20);
    const { rigs } = await call<{ rigs: RigLive[] }>('fleet.live');
    expect(rigs.find((l) => l.rigId === ids.get('l9'))?.restarting).toBe(true);
    expect((await call<Job>('jobs.get', { id: jobId })).rigs[0]?.state).toBe('running');
    // The virtual miner's clock is manual: move it until the rig is back to work and the job ends.
    let job = await call<Job>('jobs.get', { id: jobId });
    while (job.state === 'running') {
      await farm.advance(1);
      await pause(20);
      job = await call<Job>('jobs.get', { id: jobId });
    }
    expect(job.rigs[0]).toMatchObject({ state: 'done', message: 'Mining restarted.' });
    expect(farm.rig('l9').phase.state).toBe('mining');
  });

  it('keeps every command in the audit log, newest first, with the face that asked', async () => {
    const { entries } = await call<{ entries: AuditEntry[] }>('audit.list', {});
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['restart', 'done'],
      ['preset', 'done'],
      ['throttle', 'refused'],
      ['overclock', 'refused'],
      ['preset', 'refused'],
      // A job sends its refused rigs through first (they take no slot), so the unknown rig's row is the oldest.
      ...[
        ['locate', 'done'],
        ['locate', 'done'],
        ['locate', 'refused'],
      ],
    ]);
    expect(entries.every((e) => e.face === 'desktop' && e.finishedAtMs !== null)).toBe(true);
    const l7 = await call<{ entries: AuditEntry[] }>('audit.list', { rigId: ids.get('l7') });
    expect(l7.entries.map((e) => e.action)).toEqual(['throttle', 'locate']);
    expect(l7.entries[1]?.params).toEqual({ on: true });
  });
});

describe('jobs', () => {
  it('starts power actions a stagger apart, cancels the rigs not yet sent, and reports progress', async () => {
    const seen: JobProgress[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (name === 'job.progress') seen.push(payload as JobProgress);
    });
    try {
      const rigIds = [ids.get('l9'), ids.get('l7')];
      const { jobId } = await call<{ jobId: string }>('control.run', { action: 'start', rigIds });
      // The default stagger (10 s) holds l7 back: cancelling now leaves it unsent.
      const cancelled = await call<Job>('jobs.cancel', { id: jobId });
      expect(cancelled.concurrency).toBe(5);
      expect(cancelled.staggerMs).toBe(10_000);
      expect(cancelled.rigs.map((r) => r.state)).toEqual(['running', 'cancelled']);
      const job = await ended(jobId);
      expect(job.state).toBe('cancelled');
      expect(job.rigs.map((r) => r.state)).toEqual(['done', 'cancelled']);
      expect(seen.filter((p) => p.jobId === jobId).at(-1)).toMatchObject({
        state: 'cancelled',
        totals: { done: 1, cancelled: 1, running: 0, queued: 0 },
      });
      const { jobs } = await call<{ jobs: JobSummary[] }>('jobs.list', { limit: 1 });
      expect(jobs.map((j) => [j.id, j.action, j.face, j.state])).toEqual([
        [jobId, 'start', 'desktop', 'cancelled'],
      ]);
      // Its rigs' audit rows carry the job's id.
      const { entries } = await call<{ entries: AuditEntry[] }>('audit.list', { limit: 1 });
      expect(entries[0]).toMatchObject({ action: 'start', batchId: jobId });
    } finally {
      unsubscribe();
    }
  });

  it('says which job it does not know', async () => {
    const r = await core.dispatch('jobs.get', { id: 'no-such-job' }, ctx);
    expect(r.ok ? null : r.error.code).toBe('not_found');
  });
});
