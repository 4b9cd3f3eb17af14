// @vitest-environment node
// The Vnish and RPC connectors against the virtual farm (sim/ startFarm, port-range mode on 127.0.0.1,
// manual clock): L7 on 1.2.7, L9 and L3+ on 1.3.4 with quirks (wrapped presets, no /chains on 1.3,
// `}{` and trailing commas in RPC), token expiry, control calls, and the failure modes of docs/vnish.md §7.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFarm, parseScenario, type Farm, type RigInfo } from '../../../sim/index';
import { rigSnapshotSchema } from '../../../shared/rig';
import { readRpcSnapshot } from '../../../electron/miners/cgminer/read';
import { MinerError } from '../../../electron/miners/errors';
import { findModel, MODEL_CATALOG } from '../../../electron/miners/models';
import { createVnishClient, type VnishClientOptions } from '../../../electron/miners/vnish/client';
import { createVnishControl } from '../../../electron/miners/vnish/control';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { readVnishSnapshot } from '../../../electron/miners/vnish/snapshot';

let farm: Farm;
const agent = createMinerAgent();

const scenario = {
  name: 'miners-connector',
  rigs: [
    { name: 'l7-12', model: 'L7', firmware: '1.2.7' },
    {
      name: 'l9-13',
      model: 'L9',
      firmware: '1.3.4',
      httpQuirks: { presetsWrapped: true, chainsOn13: false },
      rpcQuirks: { concatenatedObjects: true, trailingCommas: true, numbersAsStrings: true },
    },
    { name: 'l3-13', model: 'L3+', firmware: '1.3.4', password: 'secret' },
    { name: 'l7-faults', model: 'L7', firmware: '1.3.4' },
  ],
};

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort: 24_100,
    clock: 'manual',
    servicePort: 0,
    seed: 11,
    services: { prohashing: false, abacus: false, control: false },
    authPolicy: { tokenTtlSec: 600 },
  });
  await farm.advance(180); // power-on → initializing → starting → mining
});

afterAll(async () => {
  await farm.stop();
  agent.destroy();
});

function rig(name: string): RigInfo {
  const found = farm.rigs.find((r) => r.name === name);
  if (!found) throw new Error(`no rig ${name}`);
  return found;
}

function client(name: string, extra: Partial<VnishClientOptions> = {}) {
  const r = rig(name);
  return createVnishClient({
    host: r.ip,
    port: r.httpPort,
    agent,
    password: name === 'l3-13' ? 'secret' : 'admin',
    ...extra,
  });
}

const now = () => farm.now();

async function caught(p: Promise<unknown>): Promise<MinerError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MinerError) return e;
    throw e;
  }
  throw new Error('expected a MinerError');
}

describe('Vnish connector against the virtual farm', () => {
  it.each(['l7-12', 'l9-13', 'l3-13'])(
    '%s: a REST snapshot that matches the rig and its catalog entry',
    async (name) => {
      const info = rig(name);
      const s = await readVnishSnapshot(client(name), { now });
      expect(rigSnapshotSchema.safeParse(s).success).toBe(true);
      expect(s.incomplete).toEqual([]);
      expect(s.identity).toMatchObject({
        firmware: 'Vnish',
        firmwareVersion: info.firmware,
        serial: info.serial,
        algorithm: 'scrypt',
      });
      expect(s.identity.mac).toBe(info.mac.toUpperCase());
      const model = findModel(s.identity.model);
      expect(model?.code).toBe(info.model);
      const spec = MODEL_CATALOG[info.model];
      expect(s.identity.reportedHashUnit).toBe('MH/s');
      expect(s.minerState).toBe('mining');
      expect(s.hashrateMhs).toBeGreaterThan(spec.nominalRangeMhs.min * 0.5);
      expect(s.hashrateMhs).toBeLessThan(spec.nominalRangeMhs.max * 1.5);
      expect(s.efficiencyJPerMh).toBeGreaterThan(0);
      expect(s.chains).toHaveLength(spec.chains);
      expect(s.chains.every((c) => c.chipCount === spec.chipsPerChain && c.state === 'mining')).toBe(true);
      expect(s.fans).toHaveLength(spec.fans);
      expect(s.pools.some((p) => p.kind === 'user' && p.status === 'active')).toBe(true);
      expect(s.preset?.watts).toBeGreaterThan(0);
      expect(s.uptimeSec).toBeGreaterThan(0);
    },
  );

  it('the RPC fallback agrees with REST, through `}{` and trailing-comma quirks', async () => {
    for (const name of ['l7-12', 'l9-13']) {
      const r = rig(name);
      const rest = await readVnishSnapshot(client(name), { now });
      const rpc = await readRpcSnapshot(r.ip, r.rpcPort, { now });
      expect(rigSnapshotSchema.safeParse(rpc).success).toBe(true);
      expect(rpc.incomplete).toEqual([]);
      expect(rpc.identity).toMatchObject({
        firmware: 'Vnish',
        firmwareVersion: r.firmware,
        reportedHashUnit: 'MH/s',
      });
      expect(rpc.hashrateMhs).toBeCloseTo(rest.hashrateMhs ?? Number.NaN, 1);
      expect(rpc.chains.map((c) => c.chipCount)).toEqual(rest.chains.map((c) => c.chipCount));
      expect(rpc.fans.map((f) => f.rpm)).toEqual(rest.fans.map((f) => f.rpm));
    }
  });

  it('reads per-chip detail from /chains on 1.2.x and /boards on 1.3.x (where /chains is gone)', async () => {
    const v12 = await client('l7-12').chainChips();
    const v13 = await client('l9-13').chainChips();
    expect(v12.map((c) => c.chips.length)).toEqual([120, 120, 120]);
    expect(v13.map((c) => c.chips.length)).toEqual([110, 110, 110]);
  });

  it('reads presets bare (L7) and wrapped in {presets} (L9)', async () => {
    const bare = await client('l7-12').presets();
    const wrapped = await client('l9-13').presets();
    expect(bare.length).toBeGreaterThan(0);
    expect(wrapped.length).toBeGreaterThan(0);
    expect(wrapped.every((p) => p.status === 'tuned' || p.status === 'untuned')).toBe(true);
  });

  it('re-unlocks once when the token expires; a wrong password is an auth error', async () => {
    const tokens = new Map<string, string>();
    const c = client('l7-12', { tokens });
    await c.presets();
    const first = [...tokens.values()][0];
    await farm.advance(700);
    await c.presets();
    const second = [...tokens.values()][0];
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await caught(client('l3-13', { password: 'admin' }).presets())).code).toBe('auth');
    await expect(client('l3-13').presets()).resolves.toBeDefined();
  });

  it('control: stop and start mining, settings round trip, throttle, pool switch errors', async () => {
    const c = client('l9-13');
    const control = createVnishControl(c.transport);
    await control.mining('stop');
    await farm.advance(30);
    expect((await readVnishSnapshot(c, { now })).minerState).toBe('stopped');
    await control.mining('start');
    await farm.advance(180);
    expect((await readVnishSnapshot(c, { now })).minerState).toBe('mining');

    const { settings } = await control.getSettings();
    expect(settings.miner?.pools).toHaveLength(3);
    const saved = await control.saveSettings({ miner: { misc: { restart_temp: 85 } } });
    expect(typeof saved.restart_required).toBe('boolean');
    expect((await control.getSettings()).settings.miner?.misc?.restart_temp).toBe(85);

    const throttled = await control.throttle(80);
    expect(typeof throttled.reboot_required).toBe('boolean');
    const missing = await caught(control.switchPool(2));
    expect(missing).toMatchObject({ code: 'miner_error', minerMessage: 'Could not find pool' });
  });

  it('failure modes: init failure 1002, broken chain, lost fan', async () => {
    farm.applyFault('l7-faults', { kind: 'chain-failure', chain: 2, state: 'failure' });
    farm.applyFault('l7-faults', { kind: 'fan-lost', fan: 1 });
    await farm.advance(10);
    const s = await readVnishSnapshot(client('l7-faults'), { now });
    expect(s.chains.find((c) => c.id === 2)?.state).toBe('failure');
    expect(s.fans.some((f) => f.status === 'lost')).toBe(true);
    farm.clearFault('l7-faults', 'all');
    farm.applyFault('l7-faults', {
      kind: 'init-failure',
      code: 1002,
      description: 'Failed to parse miner configuration',
    });
    farm.reboot('l7-faults');
    await farm.advance(200);
    const failed = await readVnishSnapshot(client('l7-faults'), { now });
    expect(failed.minerState).toBe('failure');
    expect(failed.failureCode).toBe(1002);
    expect(failed.failureDescription).toBe('Failed to parse miner configuration');
    farm.clearFault('l7-faults', 'all');
  });

  it('network faults: a wedged miner times out, an offline one is unreachable, both for REST and RPC', async () => {
    const r = rig('l7-faults');
    farm.applyFault('l7-faults', { kind: 'network', mode: 'no-answer', slowMs: 0 });
    expect((await caught(client('l7-faults', { timeoutMs: 300 }).status())).code).toBe('timeout');
    expect((await caught(readRpcSnapshot(r.ip, r.rpcPort, { now, timeoutMs: 300 }))).code).toBe('timeout');
    farm.clearFault('l7-faults', 'network');
    farm.applyFault('l7-faults', { kind: 'offline' });
    await farm.settle();
    expect((await caught(client('l7-faults').status())).code).toBe('unreachable');
    expect((await caught(readRpcSnapshot(r.ip, r.rpcPort, { now }))).code).toBe('unreachable');
    farm.clearFault('l7-faults', 'offline');
    await farm.settle();
    await expect(client('l7-faults').status()).resolves.toBeDefined();
  });

  it('reboot answers {after: 3}, the miner goes silent, then comes back', async () => {
    const c = client('l3-13');
    const control = createVnishControl(c.transport);
    expect(await control.reboot()).toEqual({ afterSec: 3 });
    await farm.advance(5);
    expect((await caught(readVnishSnapshot(c, { now }))).code).toBe('unreachable');
    await farm.advance(120);
    const back = await readVnishSnapshot(c, { now });
    expect(back.uptimeSec).toBeLessThan(200);
  });
});
