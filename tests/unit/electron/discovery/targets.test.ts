// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { isPrivateIpv4, parseIpv4 } from '../../../../electron/discovery/ipv4';
import { parseTargets, type Target, TargetError, targetList } from '../../../../electron/discovery/targets';

function hosts(input: string, options = {}): string[] {
  return [...parseTargets(input, options)].map((t) => t.host);
}

function first(set: Iterable<Target>, n: number): Target[] {
  const out: Target[] = [];
  for (const t of set) {
    out.push(t);
    if (out.length === n) break;
  }
  return out;
}

function errorOf(fn: () => unknown): TargetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TargetError) return e;
    throw e;
  }
  throw new Error('expected a TargetError');
}

describe('parseTargets', () => {
  it('expands a CIDR range without its network and broadcast addresses, with default ports', () => {
    const set = parseTargets('10.0.0.0/24');
    expect(set.total).toBe(254);
    const all = [...set];
    expect(all[0]).toEqual({ host: '10.0.0.1', httpPort: 80, rpcPort: 4028 });
    expect(all.at(-1)?.host).toBe('10.0.0.254');
    // Host bits in a CIDR are forgiven: 10.0.0.77/30 is 10.0.0.76/30.
    expect(hosts('10.0.0.77/30')).toEqual(['10.0.0.77', '10.0.0.78']);
    expect(hosts('10.0.0.8/31')).toEqual(['10.0.0.8', '10.0.0.9']);
    expect(hosts('10.0.0.9/32')).toEqual(['10.0.0.9']);
  });

  it('expands a-b ranges, in full and with the short last-octet form', () => {
    expect(parseTargets('10.0.0.1-10.0.0.50').total).toBe(50);
    expect(hosts('10.0.0.1-3')).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(hosts('10.0.0.254-10.0.1.1')).toEqual(['10.0.0.254', '10.0.0.255', '10.0.1.0', '10.0.1.1']);
  });

  it('takes host lists with per-host HTTP and RPC ports, host names and bracketed IPv6', () => {
    const set = [
      ...parseTargets('127.0.0.1:18000/18001, 127.0.0.1:18002\nminer-07.farm.lan [::1]:8080', {
        rpcPort: 5028,
      }),
    ];
    expect(set).toEqual([
      { host: '127.0.0.1', httpPort: 18000, rpcPort: 18001 },
      { host: '127.0.0.1', httpPort: 18002, rpcPort: 5028 },
      { host: 'miner-07.farm.lan', httpPort: 80, rpcPort: 5028 },
      { host: '::1', httpPort: 8080, rpcPort: 5028 },
    ]);
  });

  it('merges overlapping and repeated targets so no address is probed twice', () => {
    const set = parseTargets('10.0.0.0/24 10.0.0.10-20 10.0.0.5 10.0.1.1-10.0.1.2 miner-a miner-a');
    expect(set.total).toBe(254 + 2 + 1);
    const list = hosts('10.0.0.0/24 10.0.0.10-20 10.0.0.5');
    expect(new Set(list).size).toBe(list.length);
    // The same address on other ports is another target.
    expect(parseTargets('10.0.0.5 10.0.0.5:81').total).toBe(2);
  });

  it('is lazy and re-iterable: a /8 yields its first targets without building 16 million of them', () => {
    const set = parseTargets('10.0.0.0/8', { maxTargets: 1 << 24 });
    expect(set.total).toBe((1 << 24) - 2);
    expect(first(set, 3).map((t) => t.host)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(first(set, 1)[0]?.host).toBe('10.0.0.1');
  });

  it('refuses more targets than the cap, with the numbers in the message', () => {
    expect(parseTargets('10.0.0.0/16').total).toBe(65_534);
    const e = errorOf(() => parseTargets('10.0.0.0/15'));
    expect(e.message).toMatch(/131070 addresses; the limit is 65536/);
    expect(() => parseTargets('10.0.0.0/24', { maxTargets: 100 })).toThrow(/limit is 100/);
  });

  it.each([
    ['10.0.0.300', '"10.0.0.300" is not'],
    ['10.0.0.0/33', 'prefix "/33"'],
    ['10.0.0.50-10', 'ends before it starts'],
    ['10.0.0.1-300', 'last octet "300"'],
    ['10.0.0.1:0', 'HTTP port "0"'],
    ['10.0.0.1:80/99999', 'RPC port "99999"'],
    ['10.0.0.0/24:8080', 'ports can only follow a single host'],
    ['bad_host!', 'is not a host name'],
    ['10.0.0.x', '"10.0.0.x" is not an IPv4 address'],
    ['[zz::1]', 'is not an IPv6 address'],
  ])('names the bad token %s', (token, reason) => {
    const e = errorOf(() => parseTargets(`10.0.0.1 ${token} 10.0.0.2`));
    expect(e.token).toBe(token);
    expect(e.message).toContain(`"${token}"`);
    expect(e.message).toContain(reason);
  });

  it('refuses an empty input', () => {
    expect(() => parseTargets('  ,, ')).toThrow(/no targets/);
  });

  it('wraps explicit target objects in the same lazy interface', () => {
    const set = targetList([{ host: '127.0.0.1', httpPort: 1, rpcPort: 2 }]);
    expect(set.total).toBe(1);
    expect([...set]).toEqual([{ host: '127.0.0.1', httpPort: 1, rpcPort: 2 }]);
  });
});

describe('ipv4', () => {
  it('parses dotted quads only', () => {
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('1.2.3')).toBeNull();
    expect(parseIpv4('01.2.3.4')).toBeNull();
  });

  it('knows which addresses a farm LAN can hold', () => {
    for (const ip of ['10.1.2.3', '172.20.0.1', '192.168.1.50', '127.0.1.9', '169.254.1.1', '100.64.0.1'])
      expect(isPrivateIpv4(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '192.169.0.1', 'miner']) expect(isPrivateIpv4(ip)).toBe(false);
  });
});
