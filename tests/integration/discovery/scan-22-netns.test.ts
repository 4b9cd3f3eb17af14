// @vitest-environment node
// Issue 4 "Done when": a /22 in which some addresses never answer (dropped inside a test network
// namespace) completes within its timeouts with every live miner found. The farm and the scanner run
// together inside a namespace this test creates, so the DROP rule touches nothing outside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type DiscoveredDevice } from '../../../shared/discovery';
import { type ScanSummary } from '../../../electron/discovery/scan';
import { type RigInfo } from '../../../sim/index';
import { compareWithFarm, LAYOUT_22 } from './farm-layout';
import { collect, createNetns, dropInside, dropTool, type Netns, netnsUnavailable } from './netns';

const unavailable =
  netnsUnavailable() ?? (dropTool() === null ? 'neither nft nor iptables is installed' : null);
if (unavailable) console.warn(`discovery /22 test skipped: ${unavailable}`);

type Result = {
  runs: Array<{ summary: ScanSummary }>;
  progressLast: number;
  devices: DiscoveredDevice[];
  rigs: RigInfo[];
};

describe.skipIf(unavailable !== null)('scan of a /22 with silent addresses (network namespace)', () => {
  let ns: Netns | null = null;

  beforeAll(() => {
    ns = createNetns(`rd22-${process.pid}`);
    dropInside(ns, LAYOUT_22.silent);
  });

  afterAll(() => ns?.destroy());

  it('completes, finds every live device, identifies it, and reports nothing for silent addresses', async () => {
    if (!ns) throw new Error('no namespace');
    const request = { layouts: ['22'], runs: 1, devices: true };
    const child = ns.node('tests/integration/discovery/fixtures/farm-scan.ts', [JSON.stringify(request)]);
    const out = collect(child);
    const code = await out.exited;
    expect(code, out.stderr()).toBe(0);
    const result = out.lines[0] as Result;
    const summary = result.runs[0]?.summary;
    // 127.0.4.1–127.0.7.254: 1,022 hosts, of which 440 devices and 510 silent.
    expect(summary).toMatchObject({ total: 1022, done: 1022, found: 440, cancelled: false });
    expect(summary?.byKind).toEqual({ vnish: 400, unsupported: 40, unknown: 0 });
    expect(result.progressLast).toBe(1022);
    expect(result.rigs).toHaveLength(440);
    expect(compareWithFarm(result.rigs, result.devices)).toEqual([]);
    expect(result.devices.some((d) => d.ip.startsWith('127.0.6.') || d.ip.startsWith('127.0.7.'))).toBe(
      false,
    );
  });
});
