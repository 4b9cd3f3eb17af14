/**
 * What to scan: CIDR ranges, `a-b` ranges and `host[:port]` lists, turned into a lazy, re-iterable set of
 * targets. Ranges stay two integers each, so a /16 costs a few bytes until the scanner pulls from it.
 */
import { formatIpv4, parseIpv4 } from './ipv4';

export type Target = { host: string; httpPort: number; rpcPort: number };

export type TargetSet = Iterable<Target> & {
  /** How many targets iteration yields (after merging overlaps). */
  readonly total: number;
};

export type TargetOptions = {
  /** Port of the web UI / REST API where a token does not say (80 on a real LAN). */
  httpPort?: number;
  /** CGMiner RPC port where a token does not say (4028 on a real LAN). */
  rpcPort?: number;
  /** Refuse to scan more than this many targets in one go (default 65,536: a /16). */
  maxTargets?: number;
};

export const DEFAULT_HTTP_PORT = 80;
export const DEFAULT_RPC_PORT = 4028;
export const DEFAULT_MAX_TARGETS = 65_536;

/** A token the user typed that cannot be scanned; `token` is exactly what they typed, for the error message. */
export class TargetError extends Error {
  readonly token: string;
  constructor(token: string, reason: string) {
    super(token === '' ? reason : `bad target "${token}": ${reason}`);
    this.name = 'TargetError';
    this.token = token;
  }
}

type Ports = { httpPort: number; rpcPort: number };
type Range = Ports & { start: number; end: number };
type Named = Ports & { host: string };

const HOSTNAME = /^(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?)(\.[a-z\d]([a-z\d-]{0,61}[a-z\d])?)*$/i;

function port(token: string, text: string, what: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
    throw new TargetError(token, `${what} "${text}" is not a port number (1-65535)`);
  return Number(text);
}

function ipv4(token: string, text: string): number {
  const n = parseIpv4(text);
  if (n === null) throw new TargetError(token, `"${text}" is not an IPv4 address`);
  return n;
}

function cidr(token: string, defaults: Ports): Range {
  const [addr = '', bitsText = ''] = token.split('/');
  const start = ipv4(token, addr);
  if (!/^\d{1,2}$/.test(bitsText) || Number(bitsText) > 32)
    throw new TargetError(token, `prefix "/${bitsText}" must be 0-32`);
  const bits = Number(bitsText);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const network = (start & mask) >>> 0;
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  // The network and broadcast addresses of a real subnet hold no host; /31 and /32 have none to skip.
  if (bits <= 30) return { start: network + 1, end: broadcast - 1, ...defaults };
  return { start: network, end: broadcast, ...defaults };
}

function dashRange(token: string, defaults: Ports): Range {
  const [from = '', to = ''] = token.split('-');
  const start = ipv4(token, from);
  let end: number;
  if (/^\d{1,3}$/.test(to)) {
    // "10.0.0.1-50": the end replaces the last octet.
    if (Number(to) > 255) throw new TargetError(token, `last octet "${to}" must be 0-255`);
    end = ((start & 0xffffff00) | Number(to)) >>> 0;
  } else {
    end = ipv4(token, to);
  }
  if (end < start) throw new TargetError(token, 'the range ends before it starts');
  return { start, end, ...defaults };
}

/** `host`, `host:http` or `host:http/rpc`; host is IPv4, a DNS name, or `[IPv6]`. */
function hostToken(token: string, defaults: Ports): Range | Named {
  const m = /^(\[[^\]]+\]|[^:/[\]]+)(?::(\d*)(?:\/(\d*))?)?$/.exec(token);
  if (!m) throw new TargetError(token, 'expected a CIDR range, an a-b range or host[:port[/rpcPort]]');
  const [, hostText = '', httpText, rpcText] = m;
  const ports: Ports = {
    httpPort: httpText === undefined ? defaults.httpPort : port(token, httpText, 'HTTP port'),
    rpcPort: rpcText === undefined ? defaults.rpcPort : port(token, rpcText, 'RPC port'),
  };
  if (hostText.startsWith('[')) {
    const inner = hostText.slice(1, -1);
    if (!/^[\da-f:.]+$/i.test(inner) || !inner.includes(':'))
      throw new TargetError(token, `"${inner}" is not an IPv6 address`);
    return { host: inner.toLowerCase(), ...ports };
  }
  // "10.0.0.x" is a legal host name but surely a mistyped address.
  if (/^[\d.]+$/.test(hostText) || /^\d+\.\d+\.\d+\./.test(hostText)) {
    const n = ipv4(token, hostText);
    return { start: n, end: n, ...ports };
  }
  if (!HOSTNAME.test(hostText)) throw new TargetError(token, `"${hostText}" is not a host name`);
  return { host: hostText.toLowerCase(), ...ports };
}

function classify(token: string, defaults: Ports): Range | Named {
  const beforePort = token.split(':')[0] ?? '';
  if (token.includes(':') && /^[\d.]+[/-]/.test(beforePort))
    throw new TargetError(token, 'ports can only follow a single host, not a range');
  if (!token.includes(':') && token.includes('/')) return cidr(token, defaults);
  if (!token.includes(':') && token.includes('-') && /^\d/.test(token)) return dashRange(token, defaults);
  return hostToken(token, defaults);
}

/** Overlapping or adjacent ranges with the same ports become one, so no address is probed twice. */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort(
    (a, b) => a.httpPort - b.httpPort || a.rpcPort - b.rpcPort || a.start - b.start,
  );
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.httpPort === r.httpPort && last.rpcPort === r.rpcPort && r.start <= last.end + 1) {
      last.end = Math.max(last.end, r.end);
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

export function splitTokens(input: string | readonly string[]): string[] {
  const text = typeof input === 'string' ? input : input.join(' ');
  return text.split(/[\s,;]+/).filter((t) => t !== '');
}

/** Parses what a technician typed. Throws TargetError naming the first bad token, or when the total is over the cap. */
export function parseTargets(input: string | readonly string[], options: TargetOptions = {}): TargetSet {
  const defaults: Ports = {
    httpPort: options.httpPort ?? DEFAULT_HTTP_PORT,
    rpcPort: options.rpcPort ?? DEFAULT_RPC_PORT,
  };
  const max = options.maxTargets ?? DEFAULT_MAX_TARGETS;
  const tokens = splitTokens(input);
  if (tokens.length === 0) throw new TargetError('', 'no targets given');
  const ranges: Range[] = [];
  const named = new Map<string, Named>();
  for (const token of tokens) {
    const t = classify(token, defaults);
    if ('host' in t) named.set(`${t.host}|${t.httpPort}|${t.rpcPort}`, t);
    else ranges.push(t);
  }
  const merged = mergeRanges(ranges);
  const hosts = [...named.values()];
  const total = merged.reduce((n, r) => n + (r.end - r.start + 1), 0) + hosts.length;
  if (total > max)
    throw new TargetError('', `the targets cover ${total} addresses; the limit is ${max} per scan`);
  return targetSet(merged, hosts, total);
}

/** Targets given as objects (tests, the registry re-checking known rigs): same lazy interface. */
export function targetList(targets: readonly Target[]): TargetSet {
  const copy = targets.map((t) => ({ ...t }));
  return { total: copy.length, [Symbol.iterator]: () => copy[Symbol.iterator]() };
}

function targetSet(ranges: readonly Range[], hosts: readonly Named[], total: number): TargetSet {
  return {
    total,
    *[Symbol.iterator]() {
      for (const r of ranges) {
        for (let n = r.start; n <= r.end; n++)
          yield { host: formatIpv4(n), httpPort: r.httpPort, rpcPort: r.rpcPort };
      }
      for (const h of hosts) yield { host: h.host, httpPort: h.httpPort, rpcPort: h.rpcPort };
    },
  };
}
