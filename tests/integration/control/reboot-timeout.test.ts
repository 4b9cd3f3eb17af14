// @vitest-environment node
// A miner that accepts a reboot and then stops answering altogether (wedged, or down for good): the job does not
// hang on it. The reboot is reported sent (the miner went away), the rig's slot is given back once its window
// has passed with a word that it was not seen hashing again, and the restart mark is left to run out (the miner
// did go down). The farm's clock is manual; control runs on the real clock with short waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createJobStore } from '../../../electron/control/job-store';
import { createJobs, type Jobs } from '../../../electron/control/jobs';
import { createControl } from '../../../electron/control/runner';
import { createVnishClient } from '../../../electron/miners/vnish/client';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { openDb, type Db } from '../../../electron/store/db';
import { parseScenario, startFarm, type Farm } from '../../../sim/index';
import { tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

const agent = createMinerAgent();
let farm: Farm;
let db: Db;
let jobs: Jobs;
const marks: string[] = [];
const cancels: string[] = [];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const scenario = { name: 'wedged', rigs: [{ name: 'w', model: 'L7', firmware: '1.3.4' }] };
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(2),
    clock: 'manual',
    servicePort: 0,
    seed: 13,
    services: { prohashing: false, abacus: false, control: false },
    timing: { initSec: 5, startSec: 5 },
  });
  await farm.advance(30);
  const info = farm.rigs[0];
  if (!info) throw new Error('no rig');
  const c = createVnishClient({ host: info.ip, port: info.httpPort, agent });
  const [model, presets] = await Promise.all([c.model(), c.presets()]);
  const target = {
    host: info.ip,
    port: info.httpPort,
    password: 'admin',
    facts: { firmwareVersion: '1.3.4', model, presets },
  };
  const control = createControl({
    target: (rigId) => (rigId === 'w' ? target : null),
    markRestarting: (rigId) => marks.push(rigId),
    cancelRestarting: (rigId) => cancels.push(rigId),
    audit: null,
    agent,
    timing: { callTimeoutMs: 300, readBackMs: 3_000, readBackIntervalMs: 20, rebootWindowMs: 1_500 },
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
    pacing: () => ({ concurrency: 1, staggerMs: 0 }),
    emit: () => undefined,
  });
});

afterAll(async () => {
  jobs?.stop();
  await farm?.stop();
  agent.destroy();
  db?.$client.close();
});

describe('a miner that times out during a reboot', () => {
  it('ends the job with the rig not seen back, and keeps the restart mark', async () => {
    const made = jobs.start({ action: { kind: 'reboot' }, rigIds: ['w'], face: 'cli' });
    // The miner took the request (its reboot is pending): from now on it answers nothing at all.
    while (farm.rig('w').power.kind === 'on') await pause(5);
    farm.rig('w').faults.network = 'no-answer';
    const job = await jobs.settled(made.id);
    expect(job.state).toBe('done');
    expect(job.rigs[0]).toMatchObject({ state: 'done' });
    expect(job.rigs[0]?.message).toBe('Rebooting. Not seen hashing again within its window.');
    expect(marks).toEqual(['w']);
    expect(cancels).toEqual([]);
    farm.rig('w').faults.network = 'ok';
  });
});
