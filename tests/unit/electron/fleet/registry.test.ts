// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createRegistry } from '../../../../electron/fleet/registry';
import { openDb } from '../../../../electron/store/db';
import type { DiscoveredDevice } from '../../../../shared/discovery';
import { normalizeMac, normalizeSerial } from '../../../../shared/fleet';
import { tempDir } from '../../../helpers/core';

function device(over: Partial<DiscoveredDevice>): DiscoveredDevice {
  return {
    ip: '127.0.1.1',
    port: 80,
    rpcPort: 4028,
    kind: 'vnish',
    firmware: 'Vnish',
    version: '1.2.7',
    model: 'Antminer L7',
    mac: 'fe:07:26:3c:be:1b',
    serial: 'SN-L7-0001',
    hostname: 'antminer',
    reason: null,
    source: 'scan',
    rigId: null,
    ...over,
  };
}

const registry = () => createRegistry(openDb(tempDir()), () => false);

describe('fleet registry identity', () => {
  it('adds a new rig with a readable default name and canonical MAC', () => {
    const r = registry();
    const { rig, change } = r.upsert(device({}), 1000);
    expect(change).toBe('added');
    expect(rig).toMatchObject({
      name: 'L7-3CBE1B',
      mac: 'FE:07:26:3C:BE:1B',
      serial: 'SN-L7-0001',
      ip: '127.0.1.1',
    });
  });

  it('recognises a rig that moved to a new address instead of duplicating it', () => {
    const r = registry();
    const first = r.upsert(device({}), 1000).rig;
    const moved = r.upsert(device({ ip: '127.0.1.77' }), 2000);
    expect(moved.change).toBe('updated');
    expect(moved.rig.id).toBe(first.id);
    expect(moved.rig.ip).toBe('127.0.1.77');
    expect(r.list()).toHaveLength(1);
    expect(r.upsert(device({ ip: '127.0.1.77' }), 3000).change).toBe('unchanged');
  });

  it('matches by MAC when the firmware reports no serial, and keeps the name the technician gave', () => {
    const r = registry();
    const first = r.upsert(device({ serial: 'N/A' }), 1000).rig;
    r.rename(first.id, 'Rack 3 / top', 1500);
    const again = r.upsert(device({ serial: null, ip: '127.0.1.9', mac: 'FE-07-26-3C-BE-1B' }), 2000);
    expect(again.rig.id).toBe(first.id);
    expect(again.rig.name).toBe('Rack 3 / top');
  });

  it('treats a different serial behind a known MAC as a different machine (control board moved)', () => {
    const r = registry();
    const a = r.upsert(device({ serial: 'SN-A' }), 1000).rig;
    const b = r.upsert(device({ serial: 'SN-B', ip: '127.0.1.2' }), 2000);
    expect(b.change).toBe('added');
    expect(b.rig.id).not.toBe(a.id);
    expect(r.get(a.id)?.mac).toBeNull();
    expect(b.rig.mac).toBe('FE:07:26:3C:BE:1B');
  });

  it('refuses a device that can be told apart by neither serial nor MAC', () => {
    const r = registry();
    expect(() => r.upsert(device({ serial: 'N/A', mac: '00:00:00:00:00:00' }), 1)).toThrow(
      /neither a serial/,
    );
  });

  it('removes, renames and labels, and reports unknown ids', () => {
    const r = registry();
    const { rig } = r.upsert(device({}), 1000);
    expect(r.setLabels(rig.id, ['rack-3', 'rack-3', 'row-b'], 1100)?.labels).toEqual(['rack-3', 'row-b']);
    expect(r.rename('nope', 'x', 1)).toBeNull();
    expect(r.remove([rig.id, 'nope'])).toEqual([rig.id]);
    expect(r.list()).toEqual([]);
  });
});

describe('normalizers', () => {
  it('canonicalise MACs and drop placeholders', () => {
    expect(normalizeMac('fe07263cbe1b')).toBe('FE:07:26:3C:BE:1B');
    expect(normalizeMac('N/A')).toBeNull();
    expect(normalizeMac('ff:ff:ff:ff:ff:ff')).toBeNull();
    expect(normalizeSerial(' N/A ')).toBeNull();
    expect(normalizeSerial('0')).toBeNull();
    expect(normalizeSerial(' YNAHD4BBBJAJH0312 ')).toBe('YNAHD4BBBJAJH0312');
  });
});

describe('fleet registry names', () => {
  it('names a new rig by a hostname someone set, and never gives two rigs one name', () => {
    const r = registry();
    expect(r.upsert(device({ hostname: 'rack2-top' }), 1).rig.name).toBe('rack2-top');
    const second = r.upsert(device({ hostname: 'RACK2-TOP', serial: 'SN-2', mac: 'fe:07:26:3c:be:02' }), 2);
    expect(second.rig.name).toBe('RACK2-TOP-2');
  });

  it('refuses a rename to a name another rig has, in any case, saying whose it is', () => {
    const r = registry();
    const a = r.upsert(device({ ip: '10.0.0.7', hostname: 'rig-07' }), 1).rig;
    const b = r.upsert(device({ ip: '10.0.0.8', serial: 'SN-2', mac: 'fe:07:26:3c:be:02' }), 2).rig;
    expect(() => r.rename(b.id, 'RIG-07', 3)).toThrow('RIG-07 is already the name of 10.0.0.7.');
    expect(r.get(b.id)?.name).toBe(b.name);
    expect(r.rename(a.id, 'Rig-07', 4)?.name).toBe('Rig-07'); // its own name in another case is fine
  });

  it('gives default-named rigs their worker name, never one the technician chose', () => {
    const r = registry();
    const auto = r.upsert(device({}), 1).rig;
    const chosen = r.upsert(device({ serial: 'SN-2', mac: 'fe:07:26:3c:be:02' }), 2).rig;
    r.rename(chosen.id, 'by hand', 3);
    const renamed = r.adoptWorkerNames(
      new Map([
        [auto.id, 'rig-07'],
        [chosen.id, 'rig-08'],
      ]),
      4,
    );
    expect(renamed.map((x) => [x.id, x.name])).toEqual([[auto.id, 'rig-07']]);
    expect(r.get(chosen.id)?.name).toBe('by hand');
    expect(r.adoptWorkerNames(new Map([[auto.id, 'rig-07']]), 5)).toEqual([]); // already so: nothing to do
  });

  it('suffixes a worker name another rig already has', () => {
    const r = registry();
    const a = r.upsert(device({}), 1).rig;
    r.rename(a.id, 'rig-07', 2);
    const b = r.upsert(device({ serial: 'SN-2', mac: 'fe:07:26:3c:be:02' }), 3).rig;
    expect(r.adoptWorkerNames(new Map([[b.id, 'rig-07']]), 4).map((x) => x.name)).toEqual(['rig-07-2']);
  });
});
