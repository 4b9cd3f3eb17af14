// @vitest-environment node
// The command runner against the virtual farm on loopback (manual farm clock): every action changes the
// virtual miner and is reported done only once the miner shows it; a value beyond the model's limit, an unknown
// preset or a throttle on 1.2.x is refused with nothing sent; a miner that refuses, or a wrong password, gives a
// clear per-rig error while the other rigs go ahead; reboot and restart tell the collector before the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlAction, type RigResult } from '../../../shared/control';
import { type ControlTarget, createControl, type Control } from '../../../electron/control/runner';
import { createVnishClient } from '../../../electron/miners/vnish/client';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { parseScenario, startFarm, type Farm } from '../../../sim/index';
import { freePortRange } from '../../helpers/loopback';

const agent = createMinerAgent();
let farm: Farm;
let control: Control;
const targets = new Map<string, ControlTarget>();
/** markRestarting calls, with the virtual miner's state at that moment (before the request reached it?). */
const marks: Array<{ rigId: string; state: string; power: string }> = [];

const scenario = {
  name: 'control',
  rigs: [
    { name: 'l7-12', model: 'L7', firmware: '1.2.7' },
    { name: 'l9-13', model: 'L9', firmware: '1.3.4' },
    { name: 'l3-pw', model: 'L3+', firmware: '1.3.4', password: 'secret' },
  ],
};

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(2 * scenario.rigs.length),
    clock: 'manual',
    servicePort: 0,
    seed: 7,
    services: { prohashing: false, abacus: false, control: false },
    timing: { initSec: 10, startSec: 10 },
  });
  await farm.advance(60); // power-on → initializing → starting → mining
  for (const info of farm.rigs) {
    // What the collector's slow read holds: the rig's own /model, presets and version.
    const c = createVnishClient({ host: info.ip, port: info.httpPort, agent, password: 'secret' });
    const reader =
      info.name === 'l3-pw' ? c : createVnishClient({ host: info.ip, port: info.httpPort, agent });
    const [model, presets, about] = await Promise.all([reader.model(), reader.presets(), reader.info()]);
    targets.set(info.name, {
      host: info.ip,
      port: info.httpPort,
      password: 'admin', // l3-pw's real one is "secret": its commands must fail to log in
      facts: { firmwareVersion: about.fw_version, model, presets },
    });
  }
  control = createControl({
    target: (rigId) => targets.get(rigId) ?? null,
    markRestarting(rigId) {
      const rig = farm.rig(rigId);
      marks.push({ rigId, state: rig.phase.state, power: rig.power.kind });
    },
    audit: null,
    agent,
    timing: { readBackMs: 3_000, readBackIntervalMs: 20, callTimeoutMs: 3_000 },
  });
});

afterAll(async () => {
  await farm?.stop();
  agent.destroy();
});

async function one(rigId: string, action: ControlAction): Promise<RigResult> {
  const [result] = await control.run({ action, rigIds: [rigId], face: 'cli' });
  if (!result) throw new Error('no result');
  return result;
}

const state = (name: string): string => farm.rig(name).phase.state;

/** The miner's saved settings and how many times it logged a settings save: both unchanged = nothing written. */
function writes(name: string): { settings: string; saves: number } {
  const rig = farm.rig(name);
  const saves = (rig.logs['api'] ?? []).filter((l) => l.includes('settings saved')).length;
  return { settings: JSON.stringify(rig.settings), saves };
}

describe('control against the virtual farm', () => {
  it('stops and starts mining, pauses and resumes, each read back from the miner', async () => {
    expect(state('l7-12')).toBe('mining');
    expect(await one('l7-12', { kind: 'stop' })).toMatchObject({
      outcome: 'done',
      message: 'Mining stopped.',
    });
    expect(['shutting-down', 'stopped']).toContain(state('l7-12'));
    await farm.advance(10);
    expect(state('l7-12')).toBe('stopped');
    expect(await one('l7-12', { kind: 'start' })).toMatchObject({ outcome: 'done' });
    expect(state('l7-12')).toBe('initializing');
    await farm.advance(30);
    expect(state('l7-12')).toBe('mining');

    expect(await one('l9-13', { kind: 'pause' })).toMatchObject({
      outcome: 'done',
      message: 'Mining paused.',
    });
    expect(farm.rig('l9-13').phase).toMatchObject({ state: 'stopped', paused: true });
    expect(await one('l9-13', { kind: 'resume' })).toMatchObject({ outcome: 'done' });
    expect(state('l9-13')).toBe('starting');
    await farm.advance(30);
    expect(state('l9-13')).toBe('mining');
  });

  it('a miner that refuses gives its own words as that rig’s error', async () => {
    await one('l9-13', { kind: 'stop' });
    await farm.advance(10);
    const refused = await one('l9-13', { kind: 'pause' });
    expect(refused.outcome).toBe('failed');
    expect(refused.message).toMatch(/^The miner refused: .*failed-to-activate-pause-mode/);
    await one('l9-13', { kind: 'start' });
    await farm.advance(30);
    expect(state('l9-13')).toBe('mining');
  });

  it('switches the locate LED on and off through /find-miner (1.2.x) and /locate-miner (1.3.4)', async () => {
    for (const name of ['l7-12', 'l9-13']) {
      expect(await one(name, { kind: 'locate', on: true })).toMatchObject({ outcome: 'done' });
      expect(farm.rig(name).findMiner).toBe(true);
      // The endpoint toggles: asking "on" again must not turn it off.
      expect(await one(name, { kind: 'locate', on: true })).toMatchObject({
        message: 'Locate LED already on.',
      });
      expect(farm.rig(name).findMiner).toBe(true);
      expect(await one(name, { kind: 'locate', on: false })).toMatchObject({ outcome: 'done' });
      expect(farm.rig(name).findMiner).toBe(false);
    }
  });

  it('runs one command at a time per rig: on, off, on sent together end on, each done', async () => {
    const sent = [true, false, true].map((on) => one('l7-12', { kind: 'locate', on }));
    expect(control.pending('l7-12')).toBe(3);
    const results = await Promise.all(sent);
    expect(results.map((r) => r.outcome)).toEqual(['done', 'done', 'done']);
    expect(farm.rig('l7-12').findMiner).toBe(true);
    await one('l7-12', { kind: 'locate', on: false });
  });

  it('applies a preset the rig lists and refuses an unknown one without writing', async () => {
    const before = writes('l7-12');
    const unknown = await one('l7-12', { kind: 'preset', name: '9999' });
    expect(unknown).toMatchObject({ outcome: 'refused' });
    expect(unknown.message).toContain('Unknown preset "9999"');
    expect(writes('l7-12')).toEqual(before);

    const name = targets
      .get('l7-12')
      ?.facts.presets?.find((p) => p.name !== farm.rig('l7-12').settings.miner.overclock.preset)?.name;
    if (name === undefined) throw new Error('no other preset');
    const applied = await one('l7-12', { kind: 'preset', name });
    expect(applied).toMatchObject({ outcome: 'done', restartRequired: true });
    expect(applied.message).toContain('after a mining restart');
    expect(farm.rig('l7-12').settings.miner.overclock.preset).toBe(name);
  });

  it('refuses a frequency or voltage beyond the model’s limits before sending, applies one within', async () => {
    const oc = targets.get('l9-13')?.facts.model?.overclock;
    if (!oc?.max_freq || !oc.min_voltage) throw new Error('no limits');
    const before = writes('l9-13');
    const tooFast = await one('l9-13', { kind: 'overclock', freq: oc.max_freq + 1, volt: null });
    expect(tooFast).toMatchObject({ outcome: 'refused' });
    expect(tooFast.message).toContain(`frequency ${oc.max_freq + 1} is outside`);
    const tooLow = await one('l9-13', { kind: 'overclock', freq: null, volt: oc.min_voltage - 1 });
    expect(tooLow.outcome).toBe('refused');
    expect(writes('l9-13')).toEqual(before);

    const ok = await one('l9-13', { kind: 'overclock', freq: oc.max_freq, volt: oc.min_voltage });
    expect(ok).toMatchObject({ outcome: 'done' });
    expect(farm.rig('l9-13').settings.miner.overclock.globals).toMatchObject({
      freq: oc.max_freq,
      volt: oc.min_voltage,
    });
  });

  it('throttles a 1.3.4 rig and refuses a 1.2.7 one before sending', async () => {
    expect(await one('l9-13', { kind: 'throttle', percent: 80 })).toMatchObject({ outcome: 'done' });
    expect(farm.rig('l9-13').throttle).toBe(80);
    const old = await one('l7-12', { kind: 'throttle', percent: 80 });
    expect(old).toMatchObject({
      outcome: 'refused',
      message: 'Throttle needs Vnish 1.3.3 or later; this rig runs 1.2.7.',
    });
    expect(farm.rig('l7-12').throttle).toBe(100);
  });

  it('gives each rig its own result: a wrong password and an unknown rig fail alone', async () => {
    const results = await control.run({
      action: { kind: 'locate', on: true },
      rigIds: ['l9-13', 'l3-pw', 'nope'],
      face: 'desktop',
    });
    expect(results.map((r) => [r.rigId, r.outcome])).toEqual([
      ['l9-13', 'done'],
      ['l3-pw', 'done'],
      ['nope', 'refused'],
    ]);
    // /locate-miner is anonymous (docs/vnish.md §2): the wrong password shows on a call that needs a login.
    const stop = await one('l3-pw', { kind: 'stop' });
    expect(stop.outcome).toBe('failed');
    expect(stop.message).toMatch(/^Cannot log in to the miner/);
    expect(state('l3-pw')).toBe('mining');
    await one('l9-13', { kind: 'locate', on: false });
  });

  it('restart and reboot tell the collector before the miner hears of it, and are read back', async () => {
    marks.length = 0;
    expect(await one('l9-13', { kind: 'restart' })).toMatchObject({
      outcome: 'done',
      message: 'Mining restarted.',
    });
    expect(marks).toEqual([{ rigId: 'l9-13', state: 'mining', power: 'on' }]);
    expect(state('l9-13')).toBe('restarting');

    marks.length = 0;
    const rebooting = one('l7-12', { kind: 'reboot' });
    // The miner goes down `after` seconds after answering: move its clock until the read-back sees it gone.
    let result: RigResult | null = null;
    void rebooting.then((r) => (result = r));
    while (result === null) {
      await farm.advance(1);
      await farm.settle();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(result).toMatchObject({ outcome: 'done', message: 'Rebooting.' });
    expect(marks).toEqual([{ rigId: 'l7-12', state: 'mining', power: 'on' }]);
    expect(farm.rig('l7-12').power.kind).not.toBe('on');
  });
});
