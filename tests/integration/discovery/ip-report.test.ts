// @vitest-environment node
// The IP Report button against the virtual farm: a miner that sends its report appears, identified,
// with the MAC from the report where the firmware does not tell its own. The listener binds 127.0.0.1
// on an ephemeral port; miners sit on a loopback /24 probed free (ports 80/4028, root).
import { createSocket } from 'node:dgram';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { type DiscoveredDevice } from '../../../shared/discovery';
import { type IpReportListener } from '../../../electron/discovery/ip-report';
import { createDiscovery, type Discovery } from '../../../electron/discovery/service';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { SLASH24_CANDIDATES, freeSlash24 } from '../../helpers/loopback';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('discovery IP Report test skipped: binding 127.x.x.x:80 needs root');
// Probed, not assumed: a demo or another farm may hold some /24s already (the demo's own is tried last here).
const prefix = isRoot ? await freeSlash24([...SLASH24_CANDIDATES].reverse(), [80, 4028]) : null;
if (isRoot && prefix === null)
  console.warn('discovery IP Report test skipped: no /24 with ports 80/4028 free');
const silent = `${prefix ?? '127.0.2'}.200`;

describe.skipIf(prefix === null)('IP Report listener with the virtual farm', () => {
  let farm: Farm | null = null;
  let discovery: Discovery | null = null;
  let listener: IpReportListener | null = null;
  const devices: DiscoveredDevice[] = [];

  beforeAll(async () => {
    const scenario = parseScenario(
      {
        name: 'ip-report',
        rigs: [
          { count: 2, model: 'L7' },
          { count: 1, model: 'L7', kind: 'stock-bitmain', name: 'stock' },
        ],
      },
      'test',
    );
    farm = await startFarm({
      scenario,
      baseIp: `${prefix ?? '127.0.2'}.1`,
      clock: 'manual',
      services: { prohashing: false, abacus: false, control: false },
    });
    discovery = createDiscovery();
    listener = await discovery.startIpReport((d) => devices.push(d), { port: 0, address: '127.0.0.1' });
  });

  afterAll(async () => {
    await discovery?.close();
    await farm?.stop();
  });

  it('identifies a Vnish miner whose IP Report button was pressed', async () => {
    if (!farm || !listener) throw new Error('not started');
    const rig = farm.rigs[1];
    if (!rig) throw new Error('no rig');
    await farm.ipReport(rig.name, '127.0.0.1', listener.port);
    await vi.waitFor(() => expect(devices.find((d) => d.ip === rig.ip)).toBeDefined(), { timeout: 10_000 });
    expect(devices.find((d) => d.ip === rig.ip)).toMatchObject({
      kind: 'vnish',
      source: 'ip-report',
      port: 80,
      rpcPort: 4028,
      mac: rig.mac.toUpperCase(),
      serial: rig.serial,
      firmware: 'Vnish',
    });
  });

  it('lists an unsupported miner with the MAC from its report', async () => {
    if (!farm || !listener) throw new Error('not started');
    const stock = farm.rigs.find((r) => r.name === 'stock');
    if (!stock) throw new Error('no stock rig');
    await farm.ipReport('stock', '127.0.0.1', listener.port);
    await vi.waitFor(() => expect(devices.find((d) => d.ip === stock.ip)).toBeDefined(), { timeout: 10_000 });
    expect(devices.find((d) => d.ip === stock.ip)).toMatchObject({
      kind: 'unsupported',
      firmware: 'Bitmain stock',
      mac: stock.mac.toUpperCase(),
    });
  });

  it('reports an address that sent a report but answers nothing, instead of dropping it', async () => {
    if (!listener) throw new Error('not started');
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) =>
      socket.send(`${silent},02:C0:4B:00:00:01`, listener?.port ?? 0, '127.0.0.1', (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    socket.close();
    await vi.waitFor(() => expect(devices.find((d) => d.ip === silent)).toBeDefined(), {
      timeout: 10_000,
    });
    expect(devices.find((d) => d.ip === silent)).toMatchObject({
      kind: 'unknown',
      mac: '02:C0:4B:00:00:01',
      reason: 'Sent an IP Report (MAC 02:C0:4B:00:00:01) but answers on neither port 80 nor 4028.',
    });
  });
});
