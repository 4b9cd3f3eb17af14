// @vitest-environment node
// Firmware upgrades against the virtual farm on loopback: a sound image goes up as a streamed multipart body with
// progress, the rig reboots into the new version and hashes again; a corrupt or foreign-model image is refused
// before the miner sees a byte; a rig that drops off mid-upgrade fails with what was seen; a rollout whose canary
// never hashes again halts with the gate's reason and leaves the other rigs untouched. The farm runs on a fast
// clock and control reads the same clock, so minutes of reboots and gates pass in seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Clock } from '../../../electron/clock';
import { createFirmwareStaging, type FirmwareStaging } from '../../../electron/control/firmware/staging';
import { createJobStore } from '../../../electron/control/job-store';
import { createJobs, type Jobs } from '../../../electron/control/jobs';
import { type ControlTarget, createControl } from '../../../electron/control/runner';
import { createVnishClient } from '../../../electron/miners/vnish/client';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { openDb, type Db } from '../../../electron/store/db';
import { type FirmwareFile, type FirmwareProgress } from '../../../shared/firmware';
import { type Job } from '../../../shared/jobs';
import { parseScenario, startFarm, type Farm } from '../../../sim/index';
import { makeFirmwareImage } from '../../../sim/vnish/firmware-image';
import { tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

const SPEED = 40;
const agent = createMinerAgent();
let farm: Farm;
let db: Db;
let jobs: Jobs;
let staging: FirmwareStaging;
const targets = new Map<string, ControlTarget>();
const progress: FirmwareProgress[] = [];
const names = ['good', 'foreign', 'gone', 'canary', 'w1', 'w2'];

const scenario = {
  name: 'firmware',
  rigs: names.map((name) => ({ name, model: name === 'foreign' ? 'L9' : 'L7', firmware: '1.3.4' })),
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mining = (name: string): boolean => farm.rig(name).phase.state === 'mining';
/** What the miner logged of firmware: an upload it took or refused shows here, nothing when none came. */
const firmwareLog = (name: string): string[] =>
  (farm.rig(name).logs['system'] ?? []).filter((l) => l.includes('firmware'));

function stage(bytes: Buffer, name = 'vnish-l7.tar.gz'): FirmwareFile {
  const { uploadId } = staging.begin(name, bytes.length);
  for (let at = 0; at < bytes.length; at += 64 * 1024)
    staging.chunk(uploadId, at, bytes.subarray(at, at + 64 * 1024));
  return staging.finish(uploadId);
}

async function settled(jobId: string, each: () => void = () => undefined): Promise<Job> {
  for (;;) {
    const job = jobs.get(jobId);
    if (job === null) throw new Error('job lost');
    if (job.state !== 'running') return job;
    each();
    await pause(20);
  }
}

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(2 * names.length),
    clock: 'real',
    speed: SPEED,
    tickMs: 25,
    servicePort: 0,
    seed: 5,
    services: { prohashing: false, abacus: false, control: false },
    timing: { initSec: 5, startSec: 5, rebootAfterSec: 1, rebootDownMinSec: 6, rebootDownMaxSec: 8 },
  });
  while (!names.every(mining)) await pause(20);
  for (const info of farm.rigs) {
    const c = createVnishClient({ host: info.ip, port: info.httpPort, agent });
    const model = await c.model();
    targets.set(info.name, {
      host: info.ip,
      port: info.httpPort,
      password: 'admin',
      facts: { firmwareVersion: '1.3.4', model, presets: null },
    });
  }
  // Control reads the farm's own clock: its waits (reboot window, gate) are in the miners' time.
  const clock: Clock = {
    now: () => farm.now(),
    after: (ms, fn) => {
      const t = setTimeout(fn, Math.max(0, ms / SPEED));
      return () => clearTimeout(t);
    },
  };
  staging = createFirmwareStaging({ dir: `${tempDir()}/firmware`, clock });
  const control = createControl({
    target: (rigId) => targets.get(rigId) ?? null,
    markRestarting: () => undefined,
    audit: null,
    agent,
    clock,
    firmware: { file: staging.file, progress: (p) => progress.push(p) },
    timing: { readBackIntervalMs: 1_000, callTimeoutMs: 2_000, firmwareWindowMs: 90_000 },
  });
  db = openDb(tempDir());
  jobs = createJobs({
    control,
    store: createJobStore(db),
    clock,
    pacing: () => ({ concurrency: 5, staggerMs: 0 }),
    emit: () => undefined,
  });
});

afterAll(async () => {
  jobs?.stop();
  staging?.stop();
  await farm?.stop();
  agent.destroy();
  db?.$client.close();
});

describe('firmware upgrade on the virtual farm', () => {
  it('uploads a sound image with progress, reads the new version back, and sees the rig hash again', async () => {
    const file = stage(makeFirmwareImage({ version: '1.3.5', model: 'L7', payloadBytes: 600_000 }));
    expect(file).toMatchObject({ ok: true, models: ['l7'], version: '1.3.5' });
    const made = jobs.start({
      action: { kind: 'firmware', fileId: file.fileId, keepSettings: true, rollout: null },
      rigIds: ['good'],
      face: 'cli',
    });
    const job = await settled(made.id);
    expect(job.rigs[0]).toMatchObject({ state: 'done' });
    expect(job.rigs[0]?.message).toBe('Upgraded to 1.3.5 (settings kept); hashing again.');
    expect(farm.rig('good').fw.version).toBe('1.3.5');
    expect(mining('good')).toBe(true);
    const mine = progress.filter((p) => p.jobId === made.id && p.rigId === 'good');
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.at(-1)).toEqual({
      jobId: made.id,
      rigId: 'good',
      sentBytes: file.size,
      totalBytes: file.size,
    });
    const sent = mine.map((p) => p.sentBytes);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('refuses a corrupt image at staging and never sends it', async () => {
    const image = makeFirmwareImage({ version: '1.3.5', model: 'L7', payloadBytes: 100_000 });
    const file = stage(image.subarray(0, Math.floor(image.length * 0.7)));
    expect(file.ok).toBe(false);
    expect(file.reason).toContain('truncated');
    const job = await settled(
      jobs.start({
        action: { kind: 'firmware', fileId: file.fileId, keepSettings: true, rollout: null },
        rigIds: ['w1'],
        face: 'cli',
      }).id,
    );
    expect(job.rigs[0]).toMatchObject({ state: 'refused' });
    expect(job.rigs[0]?.message).toBe('No staged firmware file with that id; nothing was sent.');
    expect(firmwareLog('w1')).toEqual([]);
  });

  it('refuses an image made for another model before the miner sees a byte', async () => {
    const file = stage(makeFirmwareImage({ version: '1.3.5', model: 'L7' }));
    const job = await settled(
      jobs.start({
        action: { kind: 'firmware', fileId: file.fileId, keepSettings: true, rollout: null },
        rigIds: ['foreign'],
        face: 'cli',
      }).id,
    );
    expect(job.rigs[0]).toMatchObject({
      state: 'refused',
      message: 'Firmware not sent: the image is for l7, not l9.',
    });
    expect(firmwareLog('foreign')).toEqual([]);
    expect(farm.rig('foreign').fw.version).toBe('1.3.4');
  });

  it('fails a rig that goes offline mid-upgrade, saying what was seen', async () => {
    const file = stage(makeFirmwareImage({ version: '1.3.5', model: 'L7' }));
    const made = jobs.start({
      action: { kind: 'firmware', fileId: file.fileId, keepSettings: false, rollout: null },
      rigIds: ['gone'],
      face: 'cli',
    });
    let cut = false;
    const job = await settled(made.id, () => {
      // The miner took the image and is about to reboot: it drops off the network for good.
      if (!cut && farm.rig('gone').fw.pending !== null) {
        farm.applyFault('gone', { kind: 'offline' });
        cut = true;
      }
    });
    expect(cut).toBe(true);
    expect(job.rigs[0]).toMatchObject({ state: 'failed' });
    expect(job.rigs[0]?.message).toMatch(/^Image sent, but the rig did not come back within/);
    farm.clearFault('gone', 'offline');
  });

  it('halts a rollout whose canary never hashes again, and leaves the other rigs untouched', async () => {
    // The canary takes the image but fails to start mining after the reboot.
    farm.applyFault('canary', {
      kind: 'init-failure',
      code: 1002,
      description: 'Failed to parse miner configuration',
    });
    const file = stage(makeFirmwareImage({ version: '1.3.5', model: 'L7' }));
    const rollout = { canary: 1, gateMinutes: 2, minSharePct: 80, waveSize: 1 };
    const job = await settled(
      jobs.start({
        action: { kind: 'firmware', fileId: file.fileId, keepSettings: true, rollout },
        rigIds: ['canary', 'w1', 'w2'],
        face: 'desktop',
      }).id,
    );
    expect(job.state).toBe('halted');
    expect(job.rigs.map((r) => [r.rigId, r.state])).toEqual([
      ['canary', 'failed'],
      ['w1', 'cancelled'],
      ['w2', 'cancelled'],
    ]);
    expect(job.rigs[0]?.message).toBe('Upgraded to 1.3.5, but not hashing after 2 min.');
    expect(job.rigs[1]?.message).toBe(
      'The canary gate failed (canary: Upgraded to 1.3.5, but not hashing after 2 min.): halted, not sent to this rig.',
    );
    expect(farm.rig('canary').fw.version).toBe('1.3.5');
    for (const n of ['w1', 'w2']) {
      expect(farm.rig(n).fw.version).toBe('1.3.4');
      expect(firmwareLog(n)).toEqual([]);
    }
    farm.clearFault('canary', 'init-failure');
  });
});
