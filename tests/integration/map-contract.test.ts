// @vitest-environment node
/**
 * The map and rig names through the contract, on a real SQLite file and real virtual miners on loopback: build a
 * layout, place, refuse, export and import, reopen the file; a default-named rig takes its pool worker name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import type { EventName, MethodName, Req, Res } from '../../shared/contract';
import type { MapLayout } from '../../shared/map';
import { type Farm, parseScenario, startFarm } from '../../sim/index';
import { createNodeCore } from '../../electron/headless-core';
import { makeCore, quietLog, tempDir } from '../helpers/core';
import { freePortRange } from '../helpers/loopback';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let core: Core;
const dataDir = tempDir();
const seen: [EventName, unknown][] = [];

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'map-test',
        rigs: [
          { count: 1, name: 'rig-01', worker: 'R1-S03' },
          { count: 2, namePrefix: 'left-' },
        ],
      },
      'test',
    ),
    basePort: await freePortRange(6, 24_100),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 5,
  });
  core = createNodeCore({
    face: 'headless',
    dataDir,
    log: quietLog,
    collector: { overrides: { cadence: { intervalMs: 300 }, initialSpreadRatio: 0, notifyCoalesceMs: 20 } },
  });
  core.events.subscribe((name, payload) => seen.push([name, payload]));
});

afterAll(async () => {
  await core.stop();
  await farm.stop();
});

async function call<K extends MethodName>(method: K, params?: Req<K>): Promise<Res<K>> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as Res<K>;
}
async function refusal(method: MethodName, params: unknown): Promise<string> {
  const r = await core.dispatch(method, params, ctx);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error.message;
}
const rigIdOf = async (name: string) => {
  const { rigs } = await call('fleet.list');
  const rig = rigs.find((r) => r.name === name);
  if (!rig) throw new Error(`no rig named ${name}: ${rigs.map((r) => r.name).join(', ')}`);
  return rig.id;
};

describe('names', () => {
  it('names new rigs by hostname, then by the pool worker name once their pool settings are read', async () => {
    const added = await call('fleet.add', {
      addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
    });
    expect(added.added.map((r) => r.name).sort()).toEqual(['left-02', 'left-03', 'rig-01']);
    await core.start();
    await until(async () => (await call('fleet.list')).rigs.some((r) => r.name === 'R1-S03'));
    expect((await call('fleet.list')).rigs.map((r) => r.name).sort()).toEqual([
      'R1-S03',
      'left-02',
      'left-03',
    ]);
  });

  it('refuses a rename to a name another rig has, in any case, and says whose it is', async () => {
    const id = await rigIdOf('left-03');
    const holder = farm.rigs.find((r) => r.name === 'left-02');
    expect(await refusal('fleet.rename', { id, name: 'LEFT-02' })).toBe(
      `LEFT-02 is already the name of ${holder?.ip}.`,
    );
    expect((await call('fleet.rename', { id, name: 'right-03' })).name).toBe('right-03');
  });
});

describe('map', () => {
  let layout: MapLayout;
  it('builds rooms and racks, refusing a clashing name or a shrink that drops a rig', async () => {
    layout = await call('map.saveRoom', { name: 'Hall A' });
    const roomId = layout.rooms[0]?.id ?? '';
    layout = await call('map.saveRack', { roomId, name: 'R1', rows: 2, slots: 4 });
    expect(layout.racks).toMatchObject([{ name: 'R1', rows: 2, slots: 4, roomId }]);
    expect(await refusal('map.saveRack', { roomId, name: 'r1', rows: 1, slots: 1 })).toMatch(
      /already a rack named R1/,
    );
    expect(await refusal('map.saveRack', { roomId, name: 'R2', rows: 0, slots: 1 })).toMatch(
      /at least 1 row/,
    );
    expect(seen.filter(([n]) => n === 'map.changed').length).toBe(2);
  });

  it('places from names, by hand, and refuses a taken slot', async () => {
    const placed = await call('map.placeFromNames');
    const worker = await rigIdOf('R1-S03');
    expect(placed.placed).toEqual([
      { rigId: worker, rackId: layout.racks[0]?.id, row: 1, slot: 3, from: 'R1-S03' },
    ]);
    const rackId = layout.racks[0]?.id ?? '';
    const left = await rigIdOf('left-02');
    layout = await call('map.place', { rigId: left, rackId, row: 2, slot: 1 });
    expect(await refusal('map.place', { rigId: await rigIdOf('right-03'), rackId, row: 2, slot: 1 })).toBe(
      'R1 row 2 slot 1 already holds left-02.',
    );
    expect(
      await refusal('map.saveRack', {
        id: rackId,
        roomId: layout.rooms[0]?.id,
        name: 'R1',
        rows: 1,
        slots: 4,
      }),
    ).toMatch(/outside 1 × 4/);
    layout = await call('map.place', { rigId: left, rackId, row: 2, slot: 4 });
    expect(layout.placements.filter((p) => p.rigId === left)).toEqual([
      { rigId: left, rackId, row: 2, slot: 4 },
    ]);
  });

  it('exports, refuses a bad file without changing anything, and imports a good one', async () => {
    const file = await call('map.export');
    expect(file.placements).toHaveLength(2);
    const before = await call('map.get');
    expect(await refusal('map.import', { text: '{not json' })).toMatch(/^The map file is not JSON/);
    expect(await refusal('map.import', { text: JSON.stringify({ ...file, version: 7 }) })).toMatch(
      /version: Only version 1 map files can be read/,
    );
    const overlapping = { ...file, placements: file.placements.map((p) => ({ ...p, row: 1, slot: 1 })) };
    expect(await refusal('map.import', { text: JSON.stringify(overlapping) })).toMatch(
      /R1 row 1 slot 1 holds two rigs/,
    );
    expect(await call('map.get')).toEqual(before);
    await call('map.deleteRack', { id: layout.racks[0]?.id ?? '' });
    expect((await call('map.get')).placements).toEqual([]);
    const imported = await call('map.import', { text: JSON.stringify(file) });
    expect(imported).toMatchObject({ placed: 2, skipped: [] });
    expect(imported.layout).toEqual(before);
  });

  it('frees the slot of a removed rig, and keeps the layout in the file across a restart', async () => {
    seen.length = 0;
    await call('fleet.remove', { ids: [await rigIdOf('left-02')] });
    const left = (await call('map.get')).placements;
    expect(left).toHaveLength(1);
    // A map open in another window hears of it: the layout without the removed rig.
    const told = seen.filter(([name]) => name === 'map.changed').map(([, layout]) => layout as MapLayout);
    expect(told.at(-1)?.placements).toEqual(left);
    await core.stop();
    core = makeCore(dataDir);
    expect((await call('map.get')).placements).toEqual(left);
  });
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition never held');
}
