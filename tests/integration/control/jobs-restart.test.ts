// @vitest-environment node
// A job survives RigDeck dying: a real core on a real data directory starts a paced job against the virtual
// farm, its database is closed under it mid-job (no stop, as a crash leaves it), and a new core on the same
// directory reports the job interrupted once started: the rig already done stays done, the one never sent is
// interrupted, and nothing is resumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import type { RigRecord } from '../../../shared/fleet';
import type { Job, JobSummary } from '../../../shared/jobs';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { makeCore, tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
const cores: Core[] = [];

async function call<T>(core: Core, method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  const scenario = {
    name: 'jobs-restart',
    rigs: [
      { name: 'one', model: 'L7', firmware: '1.3.4' },
      { name: 'two', model: 'L7', firmware: '1.3.4' },
    ],
  };
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(4),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 5,
    timing: { initSec: 5, startSec: 5 },
  });
  await farm.advance(30);
});

afterAll(async () => {
  for (const core of cores) await core.stop();
  await farm?.stop();
});

describe('a job when RigDeck dies', () => {
  it('reads as interrupted after the next start, never resumed', async () => {
    const dataDir = tempDir();
    const first = makeCore(dataDir);
    cores.push(first);
    await call(first, 'fleet.add', {
      addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
    });
    const { rigs } = await call<{ rigs: RigRecord[] }>(first, 'fleet.list');
    await call(first, 'fleet.pollNow');
    const order = farm.rigs.map((info) => rigs.find((r) => r.httpPort === info.httpPort)?.id ?? info.name);
    // Stop is paced: the second rig waits the default 10 s stagger behind the first.
    const { jobId } = await call<{ jobId: string }>(first, 'control.run', {
      action: 'stop',
      rigIds: order,
      confirm: true,
    });
    let job = await call<Job>(first, 'jobs.get', { id: jobId });
    while (job.rigs[0]?.state === 'running') {
      await farm.advance(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await call<Job>(first, 'jobs.get', { id: jobId });
    }
    expect(job.rigs.map((r) => r.state)).toEqual(['done', 'queued']);
    first.db.$client.close(); // killed: nothing was told to stop

    const second = makeCore(dataDir);
    cores.push(second);
    await second.start();
    const after = await call<Job>(second, 'jobs.get', { id: jobId });
    expect(after.state).toBe('interrupted');
    expect(after.rigs.map((r) => [r.state, r.message])).toEqual([
      ['done', 'Mining stopped.'],
      ['interrupted', 'RigDeck stopped before this was sent; nothing went to the rig.'],
    ]);
    const { jobs } = await call<{ jobs: JobSummary[] }>(second, 'jobs.list', {});
    expect(jobs.map((j) => [j.id, j.state, j.totals.interrupted])).toEqual([[jobId, 'interrupted', 1]]);
    // The second rig was never sent the stop: it still mines.
    expect(farm.rig('two').phase.state).toBe('mining');
  });
});
