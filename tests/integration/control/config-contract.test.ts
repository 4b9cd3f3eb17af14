// @vitest-environment node
// Fans, pools, pool switching and settings backups through a real core's dispatcher against the virtual farm:
// each change is read back from the miner; a fan value beyond the model's range is refused with nothing sent;
// the ProHashing template gives every rig its own worker; a backup is taken before a risky change and can be
// put back; a user's pool password never reaches the audit log; a reboot the miner refuses does not leave the
// rig shown restarting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import { createNodeCore } from '../../../electron/headless-core';
import type { Backup } from '../../../shared/backups';
import type { AuditEntry } from '../../../shared/control';
import type { RigRecord } from '../../../shared/fleet';
import type { Job, JobRig } from '../../../shared/jobs';
import type { RigLive } from '../../../shared/telemetry';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { freePortRange } from '../../helpers/loopback';
import { quietLog, tempDir } from '../../helpers/core';

const ctx = { face: 'desktop' as const, peer: 'test' };
let farm: Farm;
let core: Core;
const ids = new Map<string, string>();
const NAMES: Record<string, string> = { l7: 'A1-07', l9: 'A1-09', pw: 'A1-10' };

async function call<T>(method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs an action and follows its job to the end; the farm's clock moves when `drive` says so. */
async function run(action: string, names: string[], params: unknown = {}, drive = false): Promise<JobRig[]> {
  const rigIds = names.map((n) => ids.get(n) ?? n);
  const confirm = ['restore', 'reboot', 'restart'].includes(action);
  const { jobId } = await call<{ jobId: string }>('control.run', { action, rigIds, params, confirm });
  for (;;) {
    const job = await call<Job>('jobs.get', { id: jobId });
    if (job.state !== 'running') return job.rigs;
    if (drive) await farm.advance(1);
    await pause(20);
  }
}

/** The miner's saved settings and how many times it logged a settings save: both unchanged = nothing written. */
function writes(name: string): { settings: string; saves: number } {
  const rig = farm.rig(name);
  const saves = (rig.logs['api'] ?? []).filter((l) => l.includes('settings saved')).length;
  return { settings: JSON.stringify(rig.settings), saves };
}

beforeAll(async () => {
  const scenario = {
    name: 'control-config',
    rigs: [
      { name: 'l7', model: 'L7', firmware: '1.2.7' },
      { name: 'l9', model: 'L9', firmware: '1.3.4' },
      { name: 'pw', model: 'L7', firmware: '1.3.4', password: 'secret' },
    ],
  };
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: await freePortRange(6),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 5,
    timing: { initSec: 10, startSec: 10 },
  });
  await farm.advance(60);
  core = createNodeCore({ dataDir: tempDir(), log: quietLog });
  await call('settings.update', { control: { staggerSec: 0 }, pool: { accountName: 'farmco' } });
  await call('fleet.add', {
    addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
  });
  const { rigs } = await call<{ rigs: RigRecord[] }>('fleet.list');
  for (const info of farm.rigs) {
    const rec = rigs.find((r) => r.httpPort === info.httpPort);
    if (!rec) throw new Error(`${info.name} not registered`);
    ids.set(info.name, rec.id);
    await call('fleet.rename', { id: rec.id, name: NAMES[info.name] });
  }
  await call('fleet.pollNow');
});

afterAll(async () => {
  await core?.stop();
  await farm?.stop();
});

describe('fans', () => {
  it('sets auto with a target, manual with a duty and immersion, each read back from the miner', async () => {
    const [auto] = await run('fan', ['l9'], { mode: 'auto', target: 65 });
    expect(auto).toMatchObject({ state: 'done', message: 'Fans set to auto at 65 °C.' });
    expect(farm.rig('l9').settings.miner.cooling.mode).toEqual({ name: 'auto', param: 65 });

    const [manual] = await run('fan', ['l7'], { mode: 'manual', duty: 80 });
    expect(manual).toMatchObject({ state: 'done', message: 'Fans set to manual at 80 %.' });
    expect(farm.rig('l7').settings.miner.cooling.mode).toEqual({ name: 'manual', param: 80 });

    const [immersion] = await run('fan', ['l9'], { mode: 'immersion' });
    expect(immersion).toMatchObject({ state: 'done', message: 'Fans set to immersion.' });
    expect(farm.rig('l9').settings.miner.cooling.mode).toMatchObject({ name: 'immers' });
    await run('fan', ['l9'], { mode: 'auto', target: 70 });
  });

  it('refuses a target or duty beyond the model’s range before anything reaches the miner', async () => {
    const before = writes('l7');
    const [hot] = await run('fan', ['l7'], { mode: 'auto', target: 95 });
    expect(hot).toMatchObject({ state: 'refused' });
    expect(hot?.message).toContain("target temperature 95 is outside this model's range 20–90");
    const [slow] = await run('fan', ['l7'], { mode: 'manual', duty: 5 });
    expect(slow?.message).toContain('fan duty 5 is outside');
    const [mixed] = await run('fan', ['l7'], { mode: 'auto', target: 60, duty: 50 });
    expect(mixed?.message).toContain('takes a target temperature (°C) and no duty');
    expect(writes('l7')).toEqual(before);
  });
});

describe('pools', () => {
  it('fills three slots per rig from the ProHashing template: region URL first, account as user, n= the rig name', async () => {
    const results = await run('pools', ['l7', 'l9'], {
      template: { name: 'prohashing', coin: 'dogecoin', region: 'eu', account: 'farmco' },
    });
    expect(results.map((r) => r.state)).toEqual(['done', 'done']);
    for (const n of ['l7', 'l9']) {
      const pools = farm.rig(n).settings.miner.pools;
      expect(pools.map((p) => p.url)).toEqual([
        'stratum+tcp://eu.mining.prohashing.com:3333',
        'stratum+tcp://us.mining.prohashing.com:3333',
        'stratum+tcp://asia.mining.prohashing.com:3333',
      ]);
      for (const p of pools) {
        expect(p.user).toBe('farmco');
        expect(p.pass).toBe(`a=scrypt,c=dogecoin,m=pplns,n=${NAMES[n]}`);
      }
    }
  });

  it('sends a pool list as given, and keeps the password out of the audit log', async () => {
    const pools = [
      { url: 'stratum+tcp://pool.example:3333', user: 'me', pass: 'hunter2' },
      { url: 'stratum+tcp://backup.example:3333', user: 'me', pass: '' },
    ];
    const [r] = await run('pools', ['l7'], { pools });
    expect(r).toMatchObject({
      state: 'done',
      message: '2 pools saved. It takes effect after a mining restart.',
    });
    expect(farm.rig('l7').settings.miner.pools.slice(0, 2)).toEqual(pools);
    expect(farm.rig('l7').settings.miner.pools[2]?.url).toBe('');
    const { entries } = await call<{ entries: AuditEntry[] }>('audit.list', { rigId: ids.get('l7') });
    const row = entries.find((e) => e.action === 'pools');
    expect(JSON.stringify(row?.params)).not.toContain('hunter2');
    expect(row?.params['pools']).toEqual([
      { ...pools[0], pass: '••••••' },
      { ...pools[1], pass: '' },
    ]);
    const { jobs } = await call<{ jobs: Array<{ params: unknown }> }>('jobs.list', { limit: 5 });
    expect(JSON.stringify(jobs)).not.toContain('hunter2');
  });

  it('switches the active pool and reports done once /summary shows it active', async () => {
    // The template's pools wait for a mining restart to be active (docs/vnish.md §3.7).
    await run('restart', ['l9'], {}, true);
    const [r] = await run('switch-pool', ['l9'], { index: 1 }, true);
    expect(r).toMatchObject({ state: 'done', message: 'Pool 2 is active.' });
    expect(farm.rig('l9').activePool).toBe(1);
    // l7's new pools are saved but not active until a restart: its slot 3 is empty to the miner.
    const [missing] = await run('switch-pool', ['l7'], { index: 2 }, true);
    expect(missing).toMatchObject({ state: 'failed', message: 'The miner refused: Could not find pool' });
  });
});

describe('settings backups', () => {
  it('takes a backup before a preset change, and restores it on confirm', async () => {
    const rigId = ids.get('l9') ?? '';
    const was = farm.rig('l9').settings.miner.overclock.preset;
    const other = farm.rig('l9').model.presets.find((p) => p.name !== was)?.name;
    const [applied] = await run('preset', ['l9'], { name: other });
    expect(applied?.state).toBe('done');
    expect(farm.rig('l9').settings.miner.overclock.preset).toBe(other);
    const { backups } = await call<{ backups: Backup[] }>('backups.list', { rigId });
    expect(backups[0]).toMatchObject({ rigId, reason: 'preset', firmwareVersion: '1.3.4' });
    expect(backups[0]?.summary).toContain(`preset ${was}`);

    const networkBefore = JSON.stringify(farm.rig('l9').settings.network);
    const refused = await core.dispatch(
      'control.run',
      { action: 'restore', rigIds: [rigId], params: { backupId: backups[0]?.id } },
      ctx,
    );
    expect(refused.ok).toBe(false);
    const [restored] = await run('restore', ['l9'], { backupId: backups[0]?.id });
    expect(restored).toMatchObject({ state: 'done' });
    expect(restored?.message).toContain('Settings restored from the backup.');
    expect(farm.rig('l9').settings.miner.overclock.preset).toBe(was);
    expect(JSON.stringify(farm.rig('l9').settings.network)).toBe(networkBefore);
    // The restore itself was backed up first.
    const after = await call<{ backups: Backup[] }>('backups.list', { rigId });
    expect(after.backups.map((b) => b.reason).slice(0, 2)).toEqual(['restore', 'preset']);
  });

  it('takes one by hand, and refuses to restore another rig’s backup', async () => {
    const l7 = ids.get('l7') ?? '';
    const taken = await call<Backup>('backups.take', { rigId: l7 });
    expect(taken).toMatchObject({ rigId: l7, reason: 'manual', firmwareVersion: '1.2.7' });
    expect(taken.summary).toContain('fans manual 80 %');
    const [other] = await run('restore', ['l9'], { backupId: taken.id });
    expect(other).toMatchObject({
      state: 'refused',
      message: `No backup ${taken.id} of this rig; nothing was sent.`,
    });
    const unknown = await core.dispatch('backups.list', { rigId: 'nope' }, ctx);
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });

  it('keeps only the newest backups per rig (settings: control.backupsPerRig)', async () => {
    await call('settings.update', { control: { backupsPerRig: 2 } });
    const rigId = ids.get('l7') ?? '';
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await call<Backup>('backups.take', { rigId })).id);
    const { backups } = await call<{ backups: Backup[] }>('backups.list', { rigId });
    expect(backups.map((b) => b.id)).toEqual([made[2], made[1]]);
    await call('settings.update', { control: { backupsPerRig: 20 } });
  });

  it('a risky change whose backup cannot be taken is not sent', async () => {
    // pw's password is "secret": RigDeck's "admin" cannot read its settings, so its fans stay as they are.
    const before = writes('pw');
    const [r] = await run('fan', ['pw'], { mode: 'auto', target: 60 });
    expect(r?.state).toBe('failed');
    expect(r?.message).toMatch(/^Could not back up its settings first, so nothing was sent: Cannot log in/);
    expect(writes('pw')).toEqual(before);
  });
});

describe('a reboot the miner refuses', () => {
  it('does not leave the rig shown restarting', async () => {
    const rigId = ids.get('pw') ?? '';
    const [r] = await run('reboot', ['pw']);
    expect(r?.state).toBe('failed');
    expect(r?.message).toMatch(/^Cannot log in to the miner/);
    const { rigs } = await call<{ rigs: RigLive[] }>('fleet.live');
    expect(rigs.find((l) => l.rigId === rigId)?.restarting).toBe(false);
    expect(farm.rig('pw').power.kind).toBe('on');
  });
});
