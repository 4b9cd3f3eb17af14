// @vitest-environment node
/** The fleet registry through the contract, against real virtual miners on loopback. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import type { EventName } from '../../shared/contract';
import { fleetChange } from '../../shared/fleet';
import { type Farm, parseScenario, startFarm } from '../../sim/index';
import { makeCore } from '../helpers/core';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let core: Core;
const seen: [EventName, unknown][] = [];

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'fleet-test',
        rigs: [
          { count: 2, model: 'L7', firmware: '1.3.4' },
          { count: 1, model: 'L9', firmware: '1.2.7' },
          { count: 1, model: 'L7', kind: 'stock-bitmain' },
          { count: 1, model: 'L7', kind: 'braiins' },
        ],
      },
      'test',
    ),
    basePort: 23_000,
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 11,
  });
  core = makeCore();
  core.events.subscribe((name, payload) => seen.push([name, payload]));
});

afterAll(async () => {
  await core.stop();
  await farm.stop();
});

const address = (i: number) => {
  const r = farm.rigs[i];
  if (!r) throw new Error(`no rig ${i}`);
  return { ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort };
};

async function call(method: string, params?: unknown) {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('fleet.add against virtual miners', () => {
  it('registers the Vnish miners with their identity, and says why the others were refused', async () => {
    const result = (await call('fleet.add', { addresses: [0, 1, 2, 3, 4].map(address) })) as {
      added: { serial: string; mac: string; model: string; firmwareVersion: string; ip: string }[];
      failed: { ip: string; reason: string }[];
    };
    expect(result.added).toHaveLength(3);
    for (const i of [0, 1, 2]) {
      const rig = farm.rigs[i];
      const added = result.added.find((a) => a.serial === rig?.serial);
      expect(added, `rig ${i}`).toBeDefined();
      expect(added?.mac.toUpperCase()).toBe(rig?.mac.toUpperCase());
    }
    expect(result.added.map((a) => a.firmwareVersion).sort()).toEqual(['1.2.7', '1.3.4', '1.3.4']);
    expect(result.failed.map((f) => f.ip)).toHaveLength(2);
    expect(result.failed.map((f) => f.reason).join(' ')).toMatch(/Bitmain|stock/i);
    expect(result.failed.map((f) => f.reason).join(' ')).toMatch(/Braiins/i);
    expect(seen.filter(([n]) => n === 'fleet.changed')).toHaveLength(1);
  });

  it('adding the same miners again duplicates nothing', async () => {
    const again = (await call('fleet.add', { addresses: [0, 1, 2].map(address) })) as {
      added: unknown[];
      updated: unknown[];
    };
    expect(again.added).toHaveLength(0);
    expect(again.updated).toHaveLength(3);
    const list = (await call('fleet.list')) as { rigs: unknown[] };
    expect(list.rigs).toHaveLength(3);
  });

  it('reports an address where nothing answers instead of failing the whole call', async () => {
    const r = (await call('fleet.add', { addresses: [{ ip: '127.0.0.1', port: 1, rpcPort: 2 }] })) as {
      failed: { reason: string }[];
    };
    expect(r.failed).toHaveLength(1);
  });
});

describe('passwords never cross the contract', () => {
  it('stores a rig password and the fleet default encrypted, and only says "set"', async () => {
    const list = (await call('fleet.list')) as {
      rigs: { id: string; hasOwnPassword: boolean }[];
      defaultPasswordSet: boolean;
    };
    const id = list.rigs[0]?.id ?? '';
    await call('fleet.setPassword', { rigId: id, password: 'rig-own-secret' });
    await call('fleet.setPassword', { rigId: null, password: 'fleet-default-secret' });
    const after = (await call('fleet.list')) as typeof list;
    expect(after.defaultPasswordSet).toBe(true);
    expect(after.rigs.find((r) => r.id === id)?.hasOwnPassword).toBe(true);
    const everything = JSON.stringify([after, seen]);
    expect(everything).not.toContain('rig-own-secret');
    expect(everything).not.toContain('fleet-default-secret');
    const onDisk = readFileSync(join(core.info.dataDir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('secret');
    expect(core.passwords.forRig(id)).toBe('rig-own-secret');
    expect(core.passwords.forRig(after.rigs[1]?.id ?? '')).toBe('fleet-default-secret');
  });

  it('refuses to set a password for a rig that is not in the fleet', async () => {
    const r = await core.dispatch('fleet.setPassword', { rigId: 'no-such-rig', password: 'x' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('removing a rig forgets its password and announces only the removal', async () => {
    const list = (await call('fleet.list')) as { rigs: { id: string }[] };
    const id = list.rigs[0]?.id ?? '';
    seen.length = 0;
    expect(await call('fleet.remove', { ids: [id] })).toEqual({ removed: [id] });
    expect(core.passwords.hasOwn(id)).toBe(false);
    expect(seen).toEqual([['fleet.changed', fleetChange({ removed: [id] })]]);
  });
});
