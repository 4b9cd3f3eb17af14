/**
 * The Antminer "IP Report" button (docs/vnish.md §6, BITCAP): the miner sends UDP `<ip>,<MAC>` to port 14235.
 * This listener parses it and hands each report on, rate-limited per sender so a flood (or a stuck
 * button, or a spoofer) cannot make RigDeck probe endlessly. Identification happens in service.ts.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

import { normaliseMac } from './device-facts';
import { isPrivateIpv4, parseIpv4 } from './ipv4';
import { type Bucket, type BucketRule, takeToken } from './limiter';

export const IP_REPORT_PORT = 14235;

export type IpReport = { ip: string; mac: string; from: string };

/** `^IP,MAC`, tolerant of surrounding whitespace, CR/LF, NUL padding and trailing fields. */
export function parseIpReport(payload: string): { ip: string; mac: string } | null {
  const m = /^[\s\0]*(\d{1,3}(?:\.\d{1,3}){3})\s*,\s*([\da-f]{2}(?:[:-][\da-f]{2}){5})(?![\da-f:-])/i.exec(
    payload,
  );
  if (!m) return null;
  const [, ip = '', macText = ''] = m;
  const mac = normaliseMac(macText);
  if (parseIpv4(ip) === null || mac === null) return null;
  return { ip, mac };
}

export type IpReportOptions = {
  port: number;
  /** 0.0.0.0 in production (reports are broadcast on the LAN); tests bind 127.0.0.1. */
  address: string;
  /** Per sender: a few presses at once, then one per second. */
  perSource: BucketRule;
  /** All senders together: bounds the probing a spoofed-source flood can cause. */
  overall: BucketRule;
  /** Which reported addresses may be probed at all: by default only private (LAN) ranges. */
  allowIp(ip: string): boolean;
};

export const DEFAULT_IP_REPORT_OPTIONS: IpReportOptions = {
  port: IP_REPORT_PORT,
  address: '0.0.0.0',
  perSource: { burst: 3, refillPerSec: 1 },
  overall: { burst: 20, refillPerSec: 10 },
  allowIp: isPrivateIpv4,
};

/** Senders remembered for rate limiting; beyond this the oldest is forgotten (a spoofed flood cannot grow it). */
const MAX_SOURCES = 1024;

export type IpReportStats = { accepted: number; rejected: number; limited: number };

export type IpReportListener = {
  /** The bound port (useful when `port` was 0). */
  port: number;
  stats(): IpReportStats;
  close(): Promise<void>;
};

export type IpReportDeps = { now(): number; createSocket(): Socket };

const realDeps: IpReportDeps = {
  now: () => Date.now(),
  // reuseAddr: another IP Reporter tool on the same workstation can listen too; broadcasts reach both.
  createSocket: () => createSocket({ type: 'udp4', reuseAddr: true }),
};

/** Pure admission decision for one datagram; returns the new limiter state. */
export function admit(
  state: { sources: Map<string, Bucket>; overall: Bucket | undefined },
  from: string,
  now: number,
  o: Pick<IpReportOptions, 'perSource' | 'overall'>,
): boolean {
  const mine = takeToken(state.sources.get(from), now, o.perSource);
  state.sources.delete(from);
  state.sources.set(from, mine.bucket);
  if (state.sources.size > MAX_SOURCES) {
    const oldest = state.sources.keys().next();
    if (!oldest.done) state.sources.delete(oldest.value);
  }
  if (!mine.allowed) return false;
  const all = takeToken(state.overall, now, o.overall);
  state.overall = all.bucket;
  return all.allowed;
}

export function startIpReportListener(
  options: Partial<IpReportOptions>,
  onReport: (report: IpReport) => void,
  deps: IpReportDeps = realDeps,
): Promise<IpReportListener> {
  const o: IpReportOptions = { ...DEFAULT_IP_REPORT_OPTIONS, ...options };
  const socket = deps.createSocket();
  const stats: IpReportStats = { accepted: 0, rejected: 0, limited: 0 };
  const state: { sources: Map<string, Bucket>; overall: Bucket | undefined } = {
    sources: new Map(),
    overall: undefined,
  };
  socket.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    // A real report is a few dozen bytes; anything big is not one.
    const parsed = msg.length <= 512 ? parseIpReport(msg.toString('latin1')) : null;
    if (!parsed || !o.allowIp(parsed.ip)) {
      stats.rejected++;
      return;
    }
    if (!admit(state, rinfo.address, deps.now(), o)) {
      stats.limited++;
      return;
    }
    stats.accepted++;
    onReport({ ...parsed, from: rinfo.address });
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port: o.port, address: o.address, exclusive: false }, () => {
      socket.off('error', reject);
      // After start-up a socket error (e.g. ICMP noise) must not crash RigDeck: log and keep listening.
      socket.on('error', (e) => console.error(`discovery: IP Report listener: ${e.message}`));
      resolve({
        port: socket.address().port,
        stats: () => ({ ...stats }),
        close: () => new Promise<void>((done) => socket.close(() => done())),
      });
    });
  });
}
