// @vitest-environment node
// Issue 4 "Done when": against the virtual farm, a /24 holding 200 Vnish miners, 20 impostors and empty
// addresses is found and identified completely and correctly. Miners sit on their own loopback
// addresses (a /24 in 127/8 whose ports 80/4028 are all free, probed so a running `npm run demo` on 127.0.1.x
// is no obstacle; binding port 80 needs root); a second farm on 127.0.0.1 with a port range checks per-target
// ports and that a wedged miner is still reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type DiscoveredDevice } from '../../../shared/discovery';
import { type ScanEvent } from '../../../electron/discovery/scan';
import { createDiscovery } from '../../../electron/discovery/service';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { SLASH24_CANDIDATES, freePortRange, freeSlash24 } from '../../helpers/loopback';
import { compareWithFarm, layout24 } from './farm-layout';

const NO_SERVICES = { prohashing: false, abacus: false, control: false };
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('discovery /24 test skipped: binding port 80 on 127.x.x.x needs root');
const prefix = isRoot ? await freeSlash24(SLASH24_CANDIDATES, [80, 4028]) : null;
if (isRoot && prefix === null)
  console.warn('discovery /24 test skipped: no /24 in 127/8 with ports 80/4028 free');
const LAYOUT_24 = layout24(prefix ?? '127.0.1');

function devicesOf(events: ScanEvent[]): DiscoveredDevice[] {
  return events.flatMap((e) => (e.type === 'found' ? [e.device] : []));
}

describe.skipIf(prefix === null)('scan of a /24 on per-miner loopback addresses', () => {
  let farm: Farm | null = null;
  beforeAll(async () => {
    farm = await startFarm({
      scenario: LAYOUT_24.scenario,
      baseIp: LAYOUT_24.baseIp,
      clock: 'manual',
      services: NO_SERVICES,
    });
  });
  afterAll(() => farm?.stop());

  it('finds and identifies all 200 Vnish miners and 20 impostors, and nothing else', async () => {
    if (!farm) throw new Error('no farm');
    expect(farm.addressingMode).toBe('per-ip');
    const events: ScanEvent[] = [];
    const summary = await createDiscovery().scan(LAYOUT_24.range, {}, (e) => events.push(e)).done;
    expect(summary).toMatchObject({ total: 254, done: 254, found: 220, cancelled: false });
    expect(summary.byKind).toEqual({ vnish: 200, unsupported: 20, unknown: 0 });
    expect(compareWithFarm(farm.rigs, devicesOf(events))).toEqual([]);
    // Streamed: results arrive before the end, and the stream ends with one done event.
    expect(events.findIndex((e) => e.type === 'found')).toBeLessThan(events.length - 1);
    expect(events.at(-1)).toEqual({ type: 'done', summary });
    const firmwares = new Set(devicesOf(events).map((d) => d.firmware));
    expect(firmwares).toEqual(new Set(['Vnish', 'Bitmain stock', 'Braiins OS', 'Whatsminer']));
  });
});

describe('scan of targets with their own ports on 127.0.0.1', () => {
  let farm: Farm | null = null;
  let basePort = 0;
  beforeAll(async () => {
    const scenario = parseScenario(
      {
        name: 'ports',
        rigs: [
          { count: 3, model: 'L7' },
          { count: 1, model: 'L9', kind: 'braiins' },
          { count: 1, model: 'L7', name: 'wedged' },
        ],
      },
      'test',
    );
    // Five rigs × (http, rpc) and one pair where nothing listens.
    basePort = await freePortRange(12);
    farm = await startFarm({ scenario, basePort, clock: 'manual', services: NO_SERVICES });
    farm.applyFault('wedged', { kind: 'network', mode: 'no-answer', slowMs: 0 });
  });
  afterAll(() => farm?.stop());

  it('probes each host:http/rpc token, and reports a wedged miner as unknown instead of dropping it', async () => {
    if (!farm) throw new Error('no farm');
    const tokens = farm.rigs.map((r) => `${r.ip}:${r.httpPort}/${r.rpcPort}`);
    tokens.push(`127.0.0.1:${basePort + 10}/${basePort + 11}`); // free when probed: nothing listens there
    const events: ScanEvent[] = [];
    const summary = await createDiscovery().scan(tokens, { identifyTimeoutMs: 500 }, (e) => events.push(e))
      .done;
    expect(summary).toMatchObject({ total: 6, done: 6, found: 5 });
    const byPort = new Map(devicesOf(events).map((d) => [d.port, d]));
    const rigs = farm.rigs;
    for (const rig of rigs.slice(0, 3))
      expect(byPort.get(rig.httpPort)).toMatchObject({
        kind: 'vnish',
        rpcPort: rig.rpcPort,
        serial: rig.serial,
      });
    expect(byPort.get(rigs[3]?.httpPort ?? 0)).toMatchObject({ kind: 'unsupported', firmware: 'Braiins OS' });
    const wedged = byPort.get(rigs[4]?.httpPort ?? 0);
    expect(wedged?.kind).toBe('unknown');
    expect(wedged?.reason).toMatch(/HTTP failed \(timed out\).*RPC failed/);
  });
});
