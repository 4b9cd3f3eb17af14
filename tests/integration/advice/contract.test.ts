// @vitest-environment node
// advice.* through a real core's dispatcher and the `advice` command against the virtual farm: with a dear power
// price and a revenue figure in the settings every rig is told to take a cheaper preset, the weak rig is named
// as under-performing its siblings, `rigdeck advice --json` prints one object per recommendation, applying one
// runs a control job that changes the virtual miner's preset, and a dismissed one stays out of the list.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import { createNodeCore } from '../../../electron/headless-core';
import type { AdviceList, AppliedAdvice } from '../../../shared/advice';
import type { RigRecord } from '../../../shared/fleet';
import type { Job } from '../../../shared/jobs';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { quietLog, tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let dir: string;
const names = new Map<string, string>();

async function call<T>(core: Core, method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function rigdeck(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'advice-contract',
        rigs: [{ count: 4, model: 'L7', firmware: '1.3.4' }],
      },
      'test',
    ),
    basePort: await freePortRange(8),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 12,
    timing: { initSec: 10, startSec: 10 },
  });
  farm.applyFault('rig-04', { kind: 'weak', share: 0.25 });
  await farm.advance(600);
  dir = tempDir();
  const core = createNodeCore({ dataDir: dir, log: quietLog });
  await call(core, 'fleet.add', {
    addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
  });
  await call(core, 'settings.update', {
    electricity: { pricePerKwh: 0.3 },
    advice: { revenuePerMhDay: 0.0005 },
  });
  const { rigs } = await call<{ rigs: RigRecord[] }>(core, 'fleet.list');
  for (const r of rigs) names.set(r.id, farm.rigs.find((f) => f.httpPort === r.httpPort)?.name ?? '');
  await core.stop();
}, 120_000);

afterAll(async () => {
  await farm?.stop();
});

describe('advice through the contract and the CLI', () => {
  it('rigdeck advice --json prints one object per recommendation', async () => {
    const run = await rigdeck(['advice', '--json', '--data', dir]);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual(
      [
        'action',
        'confidence',
        'expected_effect',
        'ip',
        'kind',
        'name',
        'reason',
        'rig_id',
        'source',
        'title',
      ].sort(),
    );
    const found = lines
      .map((l) => `${names.get(String(l.rig_id))} ${String(l.kind)} ${String(l.source)}`)
      .sort();
    expect(found).toEqual(
      [
        'rig-01 best-preset builtin',
        'rig-02 best-preset builtin',
        'rig-03 best-preset builtin',
        'rig-04 best-preset builtin',
        'rig-04 underperforming builtin',
      ].sort(),
    );
    const preset = lines.find((l) => l.kind === 'best-preset');
    expect(preset?.action).toEqual({ action: 'preset', params: { name: expect.any(String) } });
  }, 60_000);

  it('applies a recommendation through a control job, and a dismissed one stays out', async () => {
    const core = createNodeCore({ dataDir: dir, log: quietLog });
    try {
      await call(core, 'fleet.pollNow', {});
      const { recommendations } = await call<AdviceList>(core, 'advice.list', {});
      const rec = recommendations.find((r) => r.kind === 'best-preset' && names.get(r.rigId) === 'rig-01');
      if (rec === undefined || rec.action === null) throw new Error('no best-preset for rig-01');
      const target = String(rec.action.params['name']);
      expect(farm.rig('rig-01').settings.miner.overclock.preset).not.toBe(target);
      const { jobId } = await call<{ jobId: string }>(core, 'advice.apply', { id: rec.id });
      let job = await call<Job>(core, 'jobs.get', { id: jobId });
      for (let i = 0; job.state === 'running' && i < 400; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = await call<Job>(core, 'jobs.get', { id: jobId });
      }
      expect(farm.rig('rig-01').settings.miner.overclock.preset).toBe(target);
      const { applied } = await call<{ applied: AppliedAdvice[] }>(core, 'advice.history');
      expect(applied.map((a) => [a.recommendationId, a.jobId, a.action])).toEqual([
        [rec.id, jobId, rec.action],
      ]);

      const weak = recommendations.find((r) => r.kind === 'underperforming');
      if (weak === undefined) throw new Error('no underperforming rig');
      expect(await call(core, 'advice.dismiss', { id: weak.id })).toEqual({ dismissed: true });
      const after = await call<AdviceList>(core, 'advice.list', {});
      expect(after.recommendations.map((r) => r.id)).not.toContain(weak.id);
      expect(after.recommendations.map((r) => r.id)).not.toContain(rec.id);
      const own = await call<AdviceList>(core, 'advice.list', { rigId: weak.rigId });
      expect(own.recommendations.every((r) => r.rigId === weak.rigId)).toBe(true);
    } finally {
      await core.stop();
    }
  }, 60_000);
});
