// @vitest-environment node
// Firmware through a real core's dispatcher and through the CLI, against a fast virtual farm: a file staged in
// base64 chunks is checked and listed, an upgrade needs confirm, reports firmware.progress and ends with the new
// version on the miner; `rigdeck run firmware` stages its file the same way and refuses a foreign image.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import { createNodeCore } from '../../../electron/headless-core';
import { FIRMWARE_CHUNK_BYTES, type FirmwareFile, type FirmwareProgress } from '../../../shared/firmware';
import type { Job } from '../../../shared/jobs';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { makeFirmwareImage } from '../../../sim/vnish/firmware-image';
import { quietLog, tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let core: Core;
let dataDir: string;
const ids = new Map<string, string>();

async function call<T>(method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function stage(bytes: Buffer, name: string): Promise<FirmwareFile> {
  const { uploadId } = await call<{ uploadId: string }>('firmware.begin', { name, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += FIRMWARE_CHUNK_BYTES) {
    const data = bytes.subarray(offset, offset + FIRMWARE_CHUNK_BYTES).toString('base64');
    await call('firmware.chunk', { uploadId, offset, data });
  }
  return call<FirmwareFile>('firmware.finish', { uploadId });
}

const mining = (name: string): boolean => farm.rig(name).phase.state === 'mining';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const scenario = {
    name: 'firmware-contract',
    rigs: [
      { name: 'a', model: 'L7', firmware: '1.3.4' },
      { name: 'b', model: 'L9', firmware: '1.3.4' },
    ],
  };
  // Real time, 40× faster: the core's own clock is real, so the miners' minutes of booting pass in seconds.
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(4),
    clock: 'real',
    speed: 40,
    tickMs: 25,
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 9,
    timing: { initSec: 5, startSec: 5, rebootAfterSec: 1, rebootDownMinSec: 6, rebootDownMaxSec: 8 },
  });
  while (!mining('a') || !mining('b')) await pause(20);
  dataDir = tempDir();
  core = createNodeCore({ dataDir, log: quietLog });
  await call('fleet.add', {
    addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
  });
  for (const rec of core.registry.list()) {
    const info = farm.rigs.find((r) => r.httpPort === rec.httpPort);
    if (info) ids.set(info.name, rec.id);
  }
  await call('fleet.pollNow');
});

afterAll(async () => {
  await core?.stop();
  await farm?.stop();
});

describe('firmware through the contract', () => {
  it('stages a file in base64 chunks, refuses a damaged chunk, and lists what it kept', async () => {
    const { uploadId } = await call<{ uploadId: string }>('firmware.begin', { name: 'x.tar.gz', size: 10 });
    const bad = await core.dispatch('firmware.chunk', { uploadId, offset: 0, data: 'no*base64!' }, ctx);
    expect(bad.ok).toBe(false);
    const file = await stage(makeFirmwareImage({ version: '1.3.5', model: 'L7' }), 'vnish-l7-1.3.5.tar.gz');
    expect(file).toMatchObject({ ok: true, models: ['l7'], version: '1.3.5', name: 'vnish-l7-1.3.5.tar.gz' });
    const { files } = await call<{ files: FirmwareFile[] }>('firmware.list');
    expect(files.map((f) => f.fileId)).toEqual([file.fileId]);
  });

  it('needs confirm, then upgrades the rig with progress events and the new version read back', async () => {
    const file = await stage(
      makeFirmwareImage({ version: '1.3.5', model: 'L7', payloadBytes: 300_000 }),
      'vnish-l7.tar.gz',
    );
    const rigIds = [ids.get('a')];
    const params = { fileId: file.fileId, keepSettings: true };
    const unconfirmed = await core.dispatch('control.run', { action: 'firmware', rigIds, params }, ctx);
    expect(unconfirmed.ok).toBe(false);
    const seen: FirmwareProgress[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (name === 'firmware.progress') seen.push(payload as FirmwareProgress);
    });
    try {
      const { jobId } = await call<{ jobId: string }>('control.run', {
        action: 'firmware',
        rigIds,
        params,
        confirm: true,
      });
      let job = await call<Job>('jobs.get', { id: jobId });
      while (job.state === 'running') {
        await pause(50);
        job = await call<Job>('jobs.get', { id: jobId });
      }
      expect(job.rigs[0]).toMatchObject({
        state: 'done',
        message: 'Upgraded to 1.3.5 (settings kept); hashing again.',
      });
      expect(seen.at(-1)).toEqual({
        jobId,
        rigId: ids.get('a'),
        sentBytes: file.size,
        totalBytes: file.size,
      });
      expect(farm.rig('a').fw.version).toBe('1.3.5');
    } finally {
      unsubscribe();
    }
  });

  it('runs from the CLI: a foreign image is refused before sending, a sound one upgrades the rig', async () => {
    await core.stop(); // the CLI opens the same data directory
    const dir = tempDir();
    const idOf = (name: string): string => ids.get(name) ?? name;
    const l7 = join(dir, 'l7.tar.gz');
    writeFileSync(l7, makeFirmwareImage({ version: '1.3.6', model: 'L7' }));
    const foreign = await rigdeck([
      'run',
      'firmware',
      '--firmware',
      l7,
      '--rigs',
      idOf('b'),
      '--yes',
      '--data',
      dataDir,
    ]);
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toMatch(/refused +Firmware not sent: the image is for l7, not l9\./);
    expect(farm.rig('b').fw.version).toBe('1.3.4');
    const cut = join(dir, 'cut.tar.gz');
    writeFileSync(cut, makeFirmwareImage({ version: '1.3.6', model: 'L9' }).subarray(0, 200));
    const corrupt = await rigdeck([
      'run',
      'firmware',
      '--firmware',
      cut,
      '--rigs',
      idOf('b'),
      '--yes',
      '--data',
      dataDir,
    ]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/cut\.tar\.gz refused: truncated/);
    const good = await rigdeck([
      'run',
      'firmware',
      '--firmware',
      l7,
      '--rigs',
      idOf('a'),
      '--yes',
      '--json',
      '--data',
      dataDir,
    ]);
    expect(good.stderr).toMatch(/firmware: 1 of 1 done/);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout.trim())).toMatchObject({ rig_id: idOf('a'), outcome: 'done' });
    expect(farm.rig('a').fw.version).toBe('1.3.6');
  }, 120_000); // three CLI processes, each starting TypeScript on a shared machine
});
