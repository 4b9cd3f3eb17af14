// @vitest-environment node
// mDNS for real, but only between two network namespaces this test creates, joined by a veth pair
// born inside them (10.77.0.1 ↔ 10.77.0.2): no multicast ever reaches the machine's own interfaces.
// Namespace A holds a miner advertising itself, a printer, and RigDeck's `_rigdeck._tcp`; namespace B
// runs RigDeck's mDNS discovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type DiscoveredDevice } from '../../../shared/discovery';
import { type MdnsCandidate } from '../../../electron/discovery/mdns';
import { collect, createNetns, linkNetns, type Netns, netnsUnavailable } from './netns';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`discovery mDNS test skipped: ${unavailable}`);

const A = '10.77.0.1';
const B = '10.77.0.2';

describe.skipIf(unavailable !== null)('mDNS between two network namespaces', () => {
  let nsA: Netns | null = null;
  let nsB: Netns | null = null;

  beforeAll(() => {
    nsA = createNetns(`rdmA-${process.pid}`);
    nsB = createNetns(`rdmB-${process.pid}`);
    linkNetns(nsA, nsB, A, B);
  });

  afterAll(() => {
    nsA?.destroy();
    nsB?.destroy();
  });

  it('finds a miner-looking service and identifies it, ignores the rest, and sees RigDeck published', async () => {
    if (!nsA || !nsB) throw new Error('no namespaces');
    const publisher = nsA.node('tests/integration/discovery/fixtures/mdns-publisher.ts', [A]);
    const pub = collect(publisher);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (pub.lines.length > 0) {
            clearInterval(timer);
            resolve();
          }
        }, 20);
        void pub.exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`publisher exited (${code}): ${pub.stderr()}`));
        });
      });
      const browser = collect(nsB.node('tests/integration/discovery/fixtures/mdns-browser.ts', [B, '15000']));
      expect(await browser.exited, browser.stderr()).toBe(0);
      const devices = browser.lines.flatMap((l) =>
        'device' in (l as object) ? [(l as { device: DiscoveredDevice }).device] : [],
      );
      const rigdecks = browser.lines.flatMap((l) =>
        'rigdeck' in (l as object) ? [(l as { rigdeck: MdnsCandidate }).rigdeck] : [],
      );
      expect(devices).toEqual([
        {
          ip: A,
          port: 80,
          rpcPort: null,
          kind: 'vnish',
          firmware: 'Vnish',
          version: '1.3.4',
          model: 'Antminer L7',
          mac: '02:C0:4B:00:77:07',
          serial: 'MDNS0000SERIAL07',
          hostname: 'antminer-l7-07',
          reason: null,
          source: 'mdns',
          rigId: null,
        },
      ]);
      expect(rigdecks).toHaveLength(1);
      expect(rigdecks[0]).toMatchObject({
        type: 'rigdeck',
        port: 8080,
        address: A,
        txt: { version: '0.1.0', path: '/' },
      });
    } finally {
      publisher.stdin?.end();
      await pub.exited;
    }
  });
});
