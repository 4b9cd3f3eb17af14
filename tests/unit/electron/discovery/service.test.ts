// @vitest-environment node
// createDiscovery with every network effect faked: scan handles and cancel by id, identification of
// one address, and the mDNS path from a browsed service to an identified device.
import { describe, expect, it, vi } from 'vitest';

import { type DiscoveredDevice } from '../../../../shared/discovery';
import { type HttpPage } from '../../../../electron/discovery/http-get';
import { type BonjourFactory, type MdnsService } from '../../../../electron/discovery/mdns';
import { type ScanEvent } from '../../../../electron/discovery/scan';
import { createDiscovery, type DiscoveryDeps, scanOptions } from '../../../../electron/discovery/service';
import { TargetError } from '../../../../electron/discovery/targets';

const ANTHILL: HttpPage = { status: 200, headers: {}, body: '<title>AnthillOS</title>' };
const INFO: HttpPage = {
  status: 200,
  headers: {},
  body: JSON.stringify({ fw_name: 'Vnish', fw_version: '1.3.4', miner: 'Antminer L9', serial: 'S9' }),
};

/** Hosts in `live` answer on port 80 with an AnthillOS page; everything else refuses. */
function fakes(live: Set<string>, gate?: Promise<void>): Partial<DiscoveryDeps> {
  let id = 0;
  return {
    probe: async (host, port) => {
      await gate;
      return live.has(host) && port === 80 ? 'open' : 'closed';
    },
    httpGet: async (req) => (req.path === '/api/v1/info' ? INFO : ANTHILL),
    rpcRaw: async () => '',
    newId: () => `scan-${++id}`,
    now: () => 0,
  };
}

describe('createDiscovery', () => {
  it('runs a scan with an id, streams found/progress/done, and forgets it when done', async () => {
    const d = createDiscovery(fakes(new Set(['10.0.0.2', '10.0.0.3'])));
    const events: ScanEvent[] = [];
    const handle = d.scan('10.0.0.1-4', {}, (e) => events.push(e));
    expect(handle.id).toBe('scan-1');
    expect(d.active()).toEqual(['scan-1']);
    const summary = await handle.done;
    expect(summary).toMatchObject({
      total: 4,
      done: 4,
      found: 2,
      byKind: { vnish: 2, unsupported: 0, unknown: 0 },
    });
    const found = events.flatMap((e) => (e.type === 'found' ? [e.device] : []));
    expect(found.map((f) => [f.ip, f.model, f.source])).toEqual([
      ['10.0.0.2', 'Antminer L9', 'scan'],
      ['10.0.0.3', 'Antminer L9', 'scan'],
    ]);
    expect(events.at(-1)).toEqual({ type: 'done', summary });
    expect(d.active()).toEqual([]);
  });

  it('throws a TargetError naming the bad token before sending anything', () => {
    const probe = vi.fn();
    const d = createDiscovery({ ...fakes(new Set()), probe });
    expect(() => d.scan('10.0.0.0/24 10.0.0.x', {}, () => undefined)).toThrow(TargetError);
    expect(() => d.scan('10.0.0.0/24 10.0.0.x', {}, () => undefined)).toThrow(/"10.0.0.x"/);
    expect(probe).not.toHaveBeenCalled();
  });

  it('cancels a running scan by id', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((r) => (open = r));
    const d = createDiscovery(fakes(new Set(['10.0.0.2']), gate));
    const handle = d.scan('10.0.0.0/24', {}, () => undefined);
    expect(d.cancel(handle.id)).toBe(true);
    expect(d.cancel('no-such-scan')).toBe(false);
    open();
    expect(await handle.done).toMatchObject({ cancelled: true, found: 0 });
  });

  it('fills in defaults for options a form left undefined', () => {
    expect(scanOptions({ concurrency: undefined, connectTimeoutMs: 250 })).toMatchObject({
      concurrency: 256,
      connectTimeoutMs: 250,
    });
  });

  it('identifies one address, and reports a silent one as unknown instead of nothing', async () => {
    const d = createDiscovery(fakes(new Set(['10.0.0.2'])));
    expect(await d.identifyAt('10.0.0.2')).toMatchObject({ ip: '10.0.0.2', kind: 'vnish', source: 'manual' });
    expect(await d.identifyAt('10.0.0.9', { httpPort: 8080 })).toMatchObject({
      kind: 'unknown',
      port: 8080,
      reason: 'Nothing answers on ports 8080 or 4028.',
    });
  });

  it('identifies miner-looking mDNS services once each and tags them with source "mdns"', async () => {
    let announce: (s: MdnsService) => void = () => undefined;
    const bonjour: BonjourFactory = () => ({
      find: (_o, onUp) => {
        announce = onUp;
        return { stop: () => undefined };
      },
      publish: () => undefined,
      unpublishAll: (cb) => cb(),
      destroy: (cb) => cb(),
    });
    const d = createDiscovery({ ...fakes(new Set(['10.77.0.1'])), bonjour });
    const devices: DiscoveredDevice[] = [];
    d.startMdns({ interface: '10.77.0.2' }, (dev) => devices.push(dev));
    const svc: MdnsService = {
      name: 'antminer-l9-01',
      host: 'antminer-l9-01.local',
      type: 'http',
      port: 80,
      referer: { address: '10.77.0.1', family: 'IPv4', port: 5353, size: 1 },
      addresses: ['10.77.0.1'],
      txt: {},
    };
    announce(svc);
    announce(svc);
    announce({ ...svc, name: 'printer', host: 'printer.local' });
    await vi.waitFor(() => expect(devices).toHaveLength(1));
    expect(devices[0]).toMatchObject({ ip: '10.77.0.1', kind: 'vnish', source: 'mdns', port: 80 });
    await d.close();
  });
});
