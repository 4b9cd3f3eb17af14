// @vitest-environment node
// CGMiner RPC on the virtual miners: framing (one request, NUL-terminated reply, close), shapes
// matching the real captures, the malformed-JSON quirks, and impostor fingerprints.
import { readFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Farm } from '../../sim/index';
import { get, rpc, rpcRaw, testFarm } from './helpers';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/antminer-stock-rpc/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

const scenario = {
  name: 'rpc',
  rigs: [
    { name: 'clean', firmware: '1.3.4', rpcQuirks: { numbersAsStrings: false } },
    {
      name: 'quirky',
      firmware: '1.2.7',
      rpcQuirks: { concatenatedObjects: true, trailingCommas: true, numbersAsStrings: true },
    },
    { name: 'stock', kind: 'stock-bitmain' },
    { name: 'bos', kind: 'braiins' },
    { name: 'wm', kind: 'whatsminer' },
  ],
};

/** The same keys, and for each the same JSON type (numbers may be strings only where noted). */
function expectShape(
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
  ignore: RegExp = /^$/,
): void {
  for (const [k, v] of Object.entries(expected)) {
    if (ignore.test(k)) continue;
    expect(actual, `missing key "${k}"`).toHaveProperty([k]);
    expect(typeof actual[k], `type of "${k}"`).toBe(typeof v);
  }
}

describe('CGMiner RPC', () => {
  let farm: Farm;
  const rig = (name: string) => {
    const r = farm.rigs.find((x) => x.name === name);
    if (!r) throw new Error(name);
    return r;
  };
  beforeAll(async () => {
    farm = await testFarm(scenario, 21500);
    await farm.advance(300);
  });
  afterAll(async () => farm?.stop());

  it('frames one JSON reply ending in NUL, then closes', async () => {
    const raw = await rpcRaw(rig('clean'), '{"command":"summary"}');
    expect(raw[raw.length - 1]).toBe(0);
    expect(() => JSON.parse(raw.subarray(0, -1).toString())).not.toThrow();
  });

  it('summary, pools, devs, version and stats have the shape of the real captures', async () => {
    const c = rig('clean');
    const sum = await rpc(c, 'summary');
    expect(get(sum, 'STATUS', 0)).toMatchObject({ STATUS: 'S', Code: 11, Msg: 'Summary' });
    expectShape(get(sum, 'SUMMARY', 0), get(fixture('summary'), 'SUMMARY', 0));
    const pools = await rpc(c, 'pools');
    expect(get(pools, 'STATUS', 0)).toMatchObject({ Code: 7, Msg: '1 Pool(s)' });
    expectShape(get(pools, 'POOLS', 0), get(fixture('pools'), 'POOLS', 0));
    expect(get<string>(pools, 'POOLS', 0, 'URL')).toMatch(/^stratum\+tcp:\/\//);
    const devs = await rpc(c, 'devs');
    expectShape(get(devs, 'DEVS', 0), get(fixture('devs'), 'DEVS', 0));
    const version = await rpc(c, 'version');
    expectShape(get(version, 'VERSION', 0), get(fixture('version'), 'VERSION', 0));
    expect(get(version, 'VERSION', 0, 'Type')).toBe('Antminer L7 (Vnish 1.3.4)');
    const stats = await rpc(c, 'stats');
    expect(get(stats, 'STATUS', 0)).toMatchObject({ Code: 70, Msg: 'CGMiner stats' });
    expectShape(get(stats, 'STATS', 0), get(fixture('stats'), 'STATS', 0));
    // The S19 Pro has a 4th (absent) chain; our L7 has 3 chains and no fan beyond fan4.
    expectShape(get(stats, 'STATS', 1), get(fixture('stats'), 'STATS', 1), /4$/);
    const detail = get<Record<string, unknown>>(stats, 'STATS', 1);
    expect(detail['rate_unit']).toBe('MH');
    expect(typeof detail['chain_rate1']).toBe('string');
    expect(detail['temp_chip1']).toMatch(/^\d+-\d+-\d+-\d+$/);
    expect(detail['chain_acs1']).toMatch(/^( [ox]+)+$/);
  });

  it('reproduces the malformed JSON of real firmware when asked', async () => {
    const text = (await rpcRaw(rig('quirky'), '{"command":"stats"}')).toString();
    expect(text).toContain('}{');
    expect(text).toMatch(/,}/);
    expect(text).toMatch(/"GHS 5s":"\d+\.\d{2}"/);
    expect(() => JSON.parse(text.replace(/\0$/, ''))).toThrow();
    // After the repairs a client must do (docs/vnish.md §5), it parses and carries the Vnish type.
    const repaired = text
      .replace(/\0$/, '')
      .replace(/\}\{/g, '},{')
      .replace(/,\s*([}\]])/g, '$1');
    expect(get(JSON.parse(repaired), 'STATS', 0, 'Type')).toBe('Antminer L7 (Vnish 1.2.7)');
  });

  it('answers errors with cgminer codes', async () => {
    const c = rig('clean');
    expect(get(await rpc(c, 'nonsense'), 'STATUS', 0)).toMatchObject({ STATUS: 'E', Code: 14 });
    expect(get(await rpc(c, 'restart'), 'STATUS', 0)).toMatchObject({ STATUS: 'E', Code: 45 });
    expect(get(await rpc(c, 'summary+pools'), 'STATUS', 0)).toMatchObject({ Code: 14 });
  });

  it('fingerprints: Vnish vs stock vs Braiins vs Whatsminer', async () => {
    const up = async (name: string, cmd: string) => JSON.stringify(await rpc(rig(name), cmd)).toUpperCase();
    expect(await up('clean', 'devdetails')).toContain('VNISH');
    expect(await up('stock', 'stats')).toContain('ANTMINER');
    expect(await up('stock', 'stats')).not.toContain('VNISH');
    expect(await up('stock', 'devdetails')).not.toContain('DEVDETAILS');
    expect(await up('bos', 'version')).toContain('BOSMINER');
    expect(await up('wm', 'version')).toContain('BTMINER');
    const stockHttp = await fetch(rig('stock').url);
    expect(stockHttp.status).toBe(401);
    expect(stockHttp.headers.get('www-authenticate')).toContain('Digest realm="antMiner Configuration"');
    expect(await (await fetch(rig('bos').url)).text()).toContain('Braiins OS');
    const wm = await fetch(rig('wm').url, { redirect: 'manual' });
    expect(wm.status).toBe(307);
    expect(wm.headers.get('location')).toContain('/cgi-bin/luci');
  });

  it('sends the IP Report datagram "ip,MAC" to a loopback listener', async () => {
    const sock = createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
    const port = sock.address().port;
    const got = new Promise<string>((r) => sock.once('message', (m) => r(m.toString())));
    await farm.ipReport('clean', '127.0.0.1', port);
    const c = rig('clean');
    expect(await got).toBe(`${c.ip},${c.mac}`);
    sock.close();
    await expect(farm.ipReport('clean', '10.0.0.1', port)).rejects.toThrow(/loopback/);
  });
});
