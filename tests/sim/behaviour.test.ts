// @vitest-environment node
// A rig's behaviour over (simulated) time through its real sockets: boot, auth, settings and
// restart_required, reboot silence, firmware upload, and faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Farm, makeFirmwareImage } from '../../sim/index';
import { api, get, rpc, testFarm, unlock } from './helpers';

const scenario = {
  name: 'behaviour',
  rigs: [
    { name: 'a', model: 'L7', firmware: '1.3.4' },
    { name: 'b', model: 'L7', firmware: '1.2.7' },
    { name: 'c', model: 'L9', firmware: '1.3.4', tuned: 'none', preset: '3600' },
    { name: 'faulty', model: 'L7', firmware: '1.3.4' },
    { name: 'net', model: 'L7', firmware: '1.3.4' },
  ],
};

describe('virtual rig behaviour', () => {
  let farm: Farm;
  const rig = (name: string) => {
    const r = farm.rigs.find((x) => x.name === name);
    if (!r) throw new Error(`no rig ${name}`);
    return r;
  };
  const summary = async (name: string) =>
    get<Record<string, unknown>>((await api(rig(name), '/api/v1/summary')).json(), 'miner');

  beforeAll(async () => {
    farm = await testFarm(scenario, 21300);
  });
  afterAll(async () => farm?.stop());

  it('powers on initializing, then mines at the preset hashrate with power and temperatures', async () => {
    const s0 = await summary('a');
    expect(get(s0, 'miner_status', 'miner_state')).toBe('initializing');
    const chains0 = get<Array<{ chip_statuses: { red: number } }>>(s0, 'chains');
    expect(chains0.every((c) => c.chip_statuses.red === 120)).toBe(true);
    await farm.advance(600);
    const s = await summary('a');
    expect(get(s, 'miner_status', 'miner_state')).toBe('mining');
    expect(get<number>(s, 'hr_realtime')).toBeGreaterThan(9500 * 0.93);
    expect(get<number>(s, 'hr_realtime')).toBeLessThan(9500 * 1.07);
    expect(get<number>(s, 'power_consumption')).toBeGreaterThan(3300);
    const chip = get<number>(s, 'chip_temp', 'max');
    expect(chip).toBeGreaterThan(55);
    expect(chip).toBeLessThan(85);
    expect(get<number>(get<unknown[]>(s, 'pools'), 0, 'accepted')).toBeGreaterThan(0);
    // The untuned preset on rig c goes through auto-tuning first.
    const c = await summary('c');
    expect(get(c, 'miner_status', 'miner_state')).toBe('auto-tuning');
  });

  it('auth: 401 without token; Bearer, raw token and x-api-key accepted; 403 then 429 on wrong passwords', async () => {
    const a = rig('a');
    expect((await api(a, '/api/v1/settings')).status).toBe(401);
    const token = await unlock(a);
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect((await api(a, '/api/v1/settings', { token })).status).toBe(200);
    expect((await api(a, '/api/v1/settings', { auth: token })).status).toBe(200);
    const key = 'A'.repeat(32);
    expect((await api(a, '/api/v1/apikeys', { token, body: { key, description: 'x' } })).json()).toEqual({
      status: 'inserted',
    });
    expect((await api(a, '/api/v1/settings', { headers: { 'x-api-key': key } })).status).toBe(200);
    const b = rig('b');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await api(b, '/api/v1/unlock', { body: { pw: 'wrong' } })).status);
    expect(codes).toEqual([403, 403, 403, 429, 429]);
    // /lock ends the login.
    expect((await api(a, '/api/v1/lock', { method: 'POST', token })).status).toBe(200);
    expect((await api(a, '/api/v1/settings', { token })).status).toBe(401);
  });

  it('settings: partial merge, restart_required until a mining restart applies the preset', async () => {
    const a = rig('a');
    const token = await unlock(a);
    const res = await api(a, '/api/v1/settings', {
      token,
      body: { miner: { overclock: { preset: '3200' } } },
    });
    expect(res.json()).toEqual({ restart_required: true, reboot_required: false });
    const st = (await api(a, '/api/v1/status')).json();
    expect(get(st, 'restart_required')).toBe(true);
    const settings = (await api(a, '/api/v1/settings', { token })).json();
    expect(get(settings, 'miner', 'overclock', 'preset')).toBe('3200');
    expect(get<unknown[]>(settings, 'miner', 'pools')).toHaveLength(3);
    expect(get(settings, 'miner', 'misc', 'restart_temp')).toBe(90);
    expect(get(await api(a, '/api/v1/perf-summary').then((r) => r.json()), 'current_preset', 'name')).toBe(
      '3425',
    );
    expect((await api(a, '/api/v1/mining/restart', { method: 'POST', token })).text).toBe('');
    expect(get((await api(a, '/api/v1/status')).json(), 'miner_state')).toBe('restarting');
    await farm.advance(120);
    expect(get(await api(a, '/api/v1/perf-summary').then((r) => r.json()), 'current_preset', 'name')).toBe(
      '3200',
    );
    const s = await summary('a');
    expect(get<number>(s, 'hr_nominal')).toBe(9000);
    expect(get((await api(a, '/api/v1/status')).json(), 'restart_required')).toBe(false);
  });

  it('reboot: {after:3}, then HTTP and RPC go silent for 60-90 s, then come back initializing', async () => {
    const b = rig('b');
    const token = await unlock(b);
    expect((await api(b, '/api/v1/system/reboot', { method: 'POST', token })).json()).toEqual({ after: 3 });
    await farm.advance(5);
    await expect(api(b, '/api/v1/info')).rejects.toThrow();
    await expect(rpc(b, 'summary')).rejects.toThrow();
    await farm.advance(95);
    const st = (await api(b, '/api/v1/status')).json();
    expect(['initializing', 'starting']).toContain(get(st, 'miner_state'));
    expect(get<string>((await api(b, '/api/v1/info')).json(), 'system', 'uptime')).toBe('0:00');
  });

  it('firmware upload: a corrupt file is refused; a good one changes the version after the reboot', async () => {
    const b = rig('b');
    const token = await unlock(b);
    const bad = new FormData();
    bad.append('file', new Blob([Buffer.from('not a firmware image')]), 'fw.tar.gz');
    const refused = await api(b, '/api/v1/firmware/update', { token, raw: bad, method: 'POST' });
    expect(refused.status).toBe(500);
    expect(get<string>(refused.json(), 'err')).toMatch(/Invalid firmware/);
    const wrongModel = new FormData();
    wrongModel.append('file', new Blob([makeFirmwareImage({ version: '1.3.4', model: 'l9' })]), 'fw.tar.gz');
    expect((await api(b, '/api/v1/firmware/update', { token, raw: wrongModel, method: 'POST' })).status).toBe(
      500,
    );
    const good = new FormData();
    good.append('file', new Blob([makeFirmwareImage({ version: '1.3.4', model: 'l7' })]), 'fw.tar.gz');
    good.append('keep_settings', 'true');
    expect((await api(b, '/api/v1/firmware/update', { token, raw: good, method: 'POST' })).json()).toEqual({
      after: 3,
    });
    expect(get((await api(b, '/api/v1/info')).json(), 'fw_version')).toBe('1.2.7');
    await farm.advance(100);
    expect(get((await api(b, '/api/v1/info')).json(), 'fw_version')).toBe('1.3.4');
    expect((await api(b, '/api/v1/boards')).status).toBe(200);
    expect(get<string>(await rpc(b, 'version'), 'VERSION', 0, 'Type')).toBe('Antminer L7 (Vnish 1.3.4)');
  });

  it('faults: chain failure, lost fan, overheat', async () => {
    const f = rig('faulty');
    farm.applyFault('faulty', { kind: 'chain-failure', chain: 2, state: 'failure' });
    await farm.advance(10);
    let s = await summary('faulty');
    const chain2 = get<Record<string, unknown>>(s, 'chains', 1);
    expect(get(chain2, 'status', 'state')).toBe('failure');
    expect(get(chain2, 'hashrate_rt')).toBe(0);
    expect(get(chain2, 'chip_statuses', 'red')).toBe(120);
    const stats = await rpc(f, 'stats');
    expect(get(stats, 'STATS', 1, 'chain_acn2')).toBe(0);
    expect(get(stats, 'STATS', 1, 'chain_acs2')).toBe('');
    farm.clearFault('faulty', 'chain-failure');
    farm.applyFault('faulty', { kind: 'fan-lost', fan: 1 });
    await farm.advance(10);
    s = await summary('faulty');
    expect(get(s, 'cooling', 'fans', 1)).toMatchObject({ rpm: 0, status: 'lost' });
    expect(get(s, 'miner_status', 'miner_state')).toBe('failure'); // fan_min_count 4 by default
    farm.clearFault('faulty', 'all');
    const token = await unlock(f);
    await api(f, '/api/v1/mining/start', { method: 'POST', token });
    await farm.advance(120);
    farm.applyFault('faulty', { kind: 'overheat', clogged: 0.9, ambientRise: 10 });
    await farm.advance(300);
    const metrics = (await api(f, '/api/v1/metrics?time_slice=3600&step=60')).json();
    expect(get<Array<{ data: { type: string } }>>(metrics, 'annotations').map((a) => a.data.type)).toContain(
      'overheat',
    );
    expect((await api(f, '/api/v1/logs/status')).text).toContain('Cooling down the miner');
  });

  it('network faults: connection reset mid-reply, no answer, slow, offline', async () => {
    const n = rig('net');
    farm.applyFault('net', { kind: 'network', mode: 'reset', slowMs: 0 });
    await expect(api(n, '/api/v1/summary').then((r) => r.json())).rejects.toThrow();
    farm.applyFault('net', { kind: 'network', mode: 'no-answer', slowMs: 0 });
    const hung = await Promise.race([
      api(n, '/api/v1/info').then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('timeout'), 400)),
    ]);
    expect(hung).toBe('timeout');
    farm.applyFault('net', { kind: 'network', mode: 'slow', slowMs: 300 });
    const t0 = Date.now();
    expect((await api(n, '/api/v1/info')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    farm.clearFault('net', 'network');
    farm.applyFault('net', { kind: 'offline' });
    await farm.settle();
    await expect(api(n, '/api/v1/info')).rejects.toThrow();
    farm.clearFault('net', 'offline');
    await farm.settle();
    expect((await api(n, '/api/v1/info')).status).toBe(200);
  });

  it('serves the AnthillOS SPA for / and unknown non-API paths', async () => {
    const a = rig('a');
    for (const p of ['/', '/cgi-bin/get_miner_status.cgi']) {
      const r = await api(a, p);
      expect(r.status).toBe(200);
      expect(r.text).toContain('AnthillOS');
    }
  });
});
