// @vitest-environment node
// control.options and audit.exportCsv through a real core's dispatcher against the virtual farm: the options a
// dialog is bounded by are what the rig's own /model and preset list say (the stock-PSU voltage ceiling), throttle
// is offered from 1.3.3 only, and every bound the options name is one control.run accepts at its edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import { createNodeCore } from '../../../electron/headless-core';
import type { RigOptions } from '../../../shared/control';
import type { RigRecord } from '../../../shared/fleet';
import type { Job } from '../../../shared/jobs';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { freePortRange } from '../../helpers/loopback';
import { quietLog, tempDir } from '../../helpers/core';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let core: Core;
const ids = new Map<string, string>();

async function call<T>(method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function ended(jobId: string): Promise<Job> {
  for (;;) {
    const job = await call<Job>('jobs.get', { id: jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'control-options',
        rigs: [
          { name: 'l7-old', model: 'L7', firmware: '1.2.7' },
          { name: 'l9-new', model: 'L9', firmware: '1.3.4' },
        ],
      },
      'test',
    ),
    basePort: await freePortRange(4),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 5,
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
  await call('fleet.pollNow');
});

afterAll(async () => {
  await core?.stop();
  await farm?.stop();
});

describe('control.options', () => {
  it("states each rig's presets, limits and throttle as the rig itself does", async () => {
    const { rigs } = await call<{ rigs: RigOptions[] }>('control.options', {
      rigIds: [ids.get('l7-old'), ids.get('l9-new'), 'no-such-rig'],
    });
    const [l7, l9, none] = rigs;
    for (const [o, name] of [
      [l7, 'l7-old'],
      [l9, 'l9-new'],
    ] as const) {
      const m = farm.rig(name).model;
      expect(o?.known).toBe(true);
      expect(o?.readAtMs).not.toBeNull();
      expect(o?.presets?.map((p) => p.name)).toEqual(m.presets.map((p) => p.name));
      expect(o?.presets?.every((p) => p.watts !== null && p.hashrateMhs !== null)).toBe(true);
      expect(o?.currentPreset).toBe(farm.rig(name).active.overclock.preset);
      expect(o?.overclock).toMatchObject({
        minFreq: m.minFreq,
        maxFreq: m.maxFreq,
        minVolt: m.minVolt,
        maxVolt: m.maxVoltStockPsu,
      });
    }
    expect(l7?.throttle.supported).toBe(false);
    expect(l9?.throttle.supported).toBe(true);
    expect(none).toMatchObject({ known: false, presets: null, overclock: null });
  });

  it('names edges control.run accepts, and one past them it refuses', async () => {
    const id = ids.get('l9-new') as string;
    const { rigs } = await call<{ rigs: RigOptions[] }>('control.options', { rigIds: [id] });
    const oc = rigs[0]?.overclock;
    if (!oc?.maxFreq || !oc.maxVolt) throw new Error('no limits');
    const runOne = async (params: object) => {
      const { jobId } = await call<{ jobId: string }>('control.run', {
        action: 'overclock',
        rigIds: [id],
        params,
      });
      return (await ended(jobId)).rigs[0]?.state;
    };
    expect(await runOne({ freq: oc.maxFreq + 1 })).toBe('refused');
    expect(await runOne({ volt: oc.maxVolt + 1 })).toBe('refused');
    // Within: sent, and the miner shows it (done) or, with the manual clock, has not yet (unverified).
    expect(await runOne({ freq: oc.maxFreq, volt: oc.maxVolt })).not.toBe('refused');
  });
});

describe('audit.exportCsv', () => {
  it('writes the audit log as CSV, one line per command, with the rig name beside its id', async () => {
    const id = ids.get('l7-old') as string;
    const { jobId } = await call<{ jobId: string }>('control.run', {
      action: 'locate',
      rigIds: [id],
      params: { on: true },
    });
    await ended(jobId);
    const { csv, rows } = await call<{ csv: string; rows: number }>('audit.exportCsv', { rigId: id });
    const lines = csv.split('\n');
    expect(lines[0]).toMatch(/^requested,started,finished,rig_id,rig_name,face,action,params,outcome/);
    expect(lines).toHaveLength(rows + 1);
    expect(lines[1]).toContain(`,${id},`);
    expect(lines[1]).toContain(',headless,locate,"{""on"":true}",done,');
  });
});
