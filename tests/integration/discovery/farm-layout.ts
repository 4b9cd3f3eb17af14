/**
 * The farms discovery is measured against (issue 4 "Done when"): a /24 with 200 Vnish miners, 20
 * impostors and empty addresses, and a /22 with about as many devices as asic-rs's published /22 (441),
 * whose empty half is made silent. Shared by the integration tests, the in-namespace runner and the bench.
 */
import { type DiscoveredDevice } from '../../../shared/discovery';
import { MODELS, parseScenario, type RigInfo, type Scenario } from '../../../sim/index';

export type Layout = {
  name: string;
  /** First miner address; miners fill addresses upward, skipping .0 and .255. */
  baseIp: string;
  range: string;
  /** CIDRs dropped inside the namespace (never answer). */
  silent: string[];
  scenario: Scenario;
};

/** `vnish` miners in a realistic mix (L7/L9/L3+, 1.3.x and 1.2.x, RPC quirks), then 1/10 as many impostors. */
export function farmScenario(name: string, vnish: number): Scenario {
  const share = (f: number): number => Math.round(vnish * f);
  const l9 = share(0.15);
  const l3 = share(0.05);
  const old = share(0.05);
  const impostors = Math.round(vnish / 10);
  const stock = Math.ceil(impostors / 3);
  const braiins = Math.ceil((impostors - stock) / 2);
  return parseScenario(
    {
      name,
      seed: 4,
      rigs: [
        { count: vnish - l9 - l3 - old, model: 'L7', firmware: '1.3.4' },
        { count: l9, model: 'L9', firmware: '1.3.4' },
        { count: old, model: 'L7', firmware: '1.2.7', rpcQuirks: { concatenatedObjects: true } },
        { count: l3, model: 'L3+', firmware: '1.2.7', rpcQuirks: { trailingCommas: true } },
        { count: stock, model: 'L7', kind: 'stock-bitmain' },
        { count: braiins, model: 'L9', kind: 'braiins' },
        { count: impostors - stock - braiins, model: 'L7', kind: 'whatsminer' },
      ],
    },
    name,
  );
}

/** The /24 farm on `prefix` (three octets, e.g. "127.0.1"): tests on a shared machine probe for a free one. */
export function layout24(prefix: string): Layout {
  return {
    name: '24',
    baseIp: `${prefix}.1`,
    range: `${prefix}.0/24`,
    silent: [],
    scenario: farmScenario('slash24', 200),
  };
}

export const LAYOUT_24: Layout = layout24('127.0.1');

/** 440 devices in 127.0.4.1–127.0.5.186; 127.0.5.187–254 refuse; 127.0.6.0/23 (510 hosts) is silent. */
export const LAYOUT_22: Layout = {
  name: '22',
  baseIp: '127.0.4.1',
  range: '127.0.4.0/22',
  silent: ['127.0.6.0/23'],
  scenario: farmScenario('slash22', 400),
};

const FIRMWARE_OF: Record<RigInfo['kind'], string> = {
  vnish: 'Vnish',
  'stock-bitmain': 'Bitmain stock',
  braiins: 'Braiins OS',
  whatsminer: 'Whatsminer',
};

/** What a correct scan reports for one virtual rig. */
export function expectedDevice(rig: RigInfo): Partial<DiscoveredDevice> {
  const base = { ip: rig.ip, port: rig.httpPort, rpcPort: rig.rpcPort, source: 'scan' as const, rigId: null };
  if (rig.kind !== 'vnish') return { ...base, kind: 'unsupported', firmware: FIRMWARE_OF[rig.kind] };
  return {
    ...base,
    kind: 'vnish',
    firmware: 'Vnish',
    version: rig.firmware,
    model: MODELS[rig.model].fullName,
    mac: rig.mac.toUpperCase(),
    serial: rig.serial,
    reason: null,
  };
}

/** Every way `devices` differs from what the farm holds: missing, wrong, duplicated or invented devices. */
export function compareWithFarm(rigs: readonly RigInfo[], devices: readonly DiscoveredDevice[]): string[] {
  const problems: string[] = [];
  const byIp = new Map<string, DiscoveredDevice>();
  for (const d of devices) {
    const key = `${d.ip}:${d.port}`;
    if (byIp.has(key)) problems.push(`${key} reported twice`);
    byIp.set(key, d);
  }
  for (const rig of rigs) {
    const key = `${rig.ip}:${rig.httpPort}`;
    const d = byIp.get(key);
    byIp.delete(key);
    if (!d) {
      problems.push(`${rig.name} (${key}, ${rig.kind}) not found`);
      continue;
    }
    for (const [field, want] of Object.entries(expectedDevice(rig))) {
      const got: unknown = d[field as keyof DiscoveredDevice];
      if (got !== want)
        problems.push(`${rig.name}: ${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
    if (d.kind !== 'vnish' && !d.reason) problems.push(`${rig.name}: no reason given for ${d.kind}`);
  }
  for (const key of byIp.keys()) problems.push(`${key} reported but no rig is there`);
  return problems;
}
