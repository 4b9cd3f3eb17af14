/**
 * Discovery as one service: subnet scans (with ids, so the contract can cancel them), the IP Report
 * listener, mDNS browse and publish, and one-off identification of an address. Every effect (clock, ids,
 * TCP/HTTP/RPC, sockets, bonjour) comes in through `deps`, so tests can replace any of them.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';

import { type DiscoveredDevice, type DiscoverySource } from '../../shared/discovery';
import type { Logger } from '../contract/dispatch';
import { DEFAULT_MAX_BYTES, type IdentifyDeps, realIdentifyDeps, toDevice } from './identify';
import { createTargetIdentifier } from './identify-target';
import {
  type IpReportDeps,
  type IpReportListener,
  type IpReportOptions,
  startIpReportListener,
} from './ip-report';
import {
  type BonjourFactory,
  browseMiners,
  type BrowseOptions,
  type MdnsCandidate,
  type MdnsHandle,
  publishRigDeck,
  type PublishOptions,
  realBonjour,
} from './mdns';
import { DEFAULT_SCAN_OPTIONS, runScan, type ScanEvent, type ScanOptions, type ScanSummary } from './scan';
import {
  DEFAULT_HTTP_PORT,
  DEFAULT_RPC_PORT,
  parseTargets,
  type Target,
  type TargetOptions,
  type TargetSet,
} from './targets';
import { type TcpProbe, tcpProbe } from './tcp-probe';

export type DiscoveryDeps = IdentifyDeps & {
  probe: TcpProbe;
  now(): number;
  newId(): string;
  bonjour: BonjourFactory;
  log: Logger;
  /** Only for tests that fake the UDP socket or the clock of the rate limiter. */
  ipReport?: IpReportDeps;
};

export type ScanRequest = Partial<ScanOptions> & TargetOptions & { maxBytes?: number };

export type ScanHandle = { id: string; cancel(): void; done: Promise<ScanSummary> };

export type IdentifyAtOptions = { httpPort?: number; rpcPort?: number; source?: DiscoverySource };

export type IpReportStart = Partial<IpReportOptions> & { httpPort?: number; rpcPort?: number };

export type MdnsStart = BrowseOptions & { httpPort?: number; rpcPort?: number };

export type Discovery = {
  /** Starts a scan at once. Throws TargetError (naming the bad token) before anything is sent. */
  scan(
    targets: string | readonly string[] | TargetSet,
    options: ScanRequest,
    onEvent: (e: ScanEvent) => void,
  ): ScanHandle;
  /** Cancels a running scan by id; false when no such scan is running. */
  cancel(id: string): boolean;
  /** Ids of the scans still running. */
  active(): string[];
  /** One address (manual add, or re-checking a known rig): always a verdict, `unknown` when nothing answers. */
  identifyAt(host: string, options?: IdentifyAtOptions): Promise<DiscoveredDevice>;
  /** Listens for IP Report datagrams; each admitted report yields one identified device. */
  startIpReport(onDevice: (d: DiscoveredDevice) => void, options?: IpReportStart): Promise<IpReportListener>;
  /** Browses mDNS on one interface; each miner-looking service yields one identified device. */
  startMdns(options: MdnsStart, onDevice: (d: DiscoveredDevice) => void): MdnsHandle;
  /** Announces the headless face as `_rigdeck._tcp` on one interface. */
  publish(options: PublishOptions): MdnsHandle;
  /** Cancels every scan and stops every listener this service started. */
  close(): Promise<void>;
};

const realDeps: DiscoveryDeps = {
  ...realIdentifyDeps,
  probe: tcpProbe,
  now: () => Date.now(),
  newId: () => randomUUID(),
  bonjour: realBonjour,
  log: console,
};

/** An mDNS host is identified again only after this long (re-announcements are not news). */
const MDNS_RECHECK_MS = 60_000;

export function createDiscovery(overrides: Partial<DiscoveryDeps> = {}): Discovery {
  const deps: DiscoveryDeps = { ...realDeps, ...overrides };
  const scans = new Map<string, { controller: AbortController; done: Promise<ScanSummary> }>();
  const closers = new Set<() => Promise<void>>();
  const { verdict, identifyTarget, sideIdentify } = createTargetIdentifier(deps);

  const discovery: Discovery = {
    scan(input, request, onEvent) {
      const targets = typeof input !== 'string' && isTargetSet(input) ? input : parseTargets(input, request);
      const options = scanOptions(request);
      const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
      const id = deps.newId();
      const controller = new AbortController();
      // Every in-flight probe and identification listens for cancel: hundreds of listeners are expected here.
      setMaxListeners(options.concurrency * 2 + options.identifyConcurrency * 4 + 16, controller.signal);
      const done = runScan(
        targets,
        options,
        {
          probe: deps.probe,
          identify: (t, open, signal, socket) =>
            verdict(t, open, signal, maxBytes, options.identifyTimeoutMs, socket),
          toDevice,
          now: deps.now,
          log: deps.log,
        },
        onEvent,
        controller.signal,
      ).finally(() => scans.delete(id));
      scans.set(id, { controller, done });
      return { id, cancel: () => controller.abort(), done };
    },
    cancel(id) {
      const scan = scans.get(id);
      scan?.controller.abort();
      return scan !== undefined;
    },
    active: () => [...scans.keys()],
    identifyAt(host, o = {}) {
      const t: Target = {
        host,
        httpPort: o.httpPort ?? DEFAULT_HTTP_PORT,
        rpcPort: o.rpcPort ?? DEFAULT_RPC_PORT,
      };
      return identifyTarget(
        t,
        o.source ?? 'manual',
        `Nothing answers on ports ${t.httpPort} or ${t.rpcPort}.`,
      );
    },
    async startIpReport(onDevice, o = {}) {
      const listener = await startIpReportListener(
        o,
        (report) => {
          const t: Target = {
            host: report.ip,
            httpPort: o.httpPort ?? DEFAULT_HTTP_PORT,
            rpcPort: o.rpcPort ?? DEFAULT_RPC_PORT,
          };
          const silent = `Sent an IP Report (MAC ${report.mac}) but answers on neither port ${t.httpPort} nor ${t.rpcPort}.`;
          // The report's MAC stands in when the device does not tell its own (unsupported and unknown kinds).
          sideIdentify(t, 'ip-report', silent, (d) => onDevice({ ...d, mac: d.mac ?? report.mac }));
        },
        deps.ipReport,
      );
      const close = (): Promise<void> => {
        closers.delete(close);
        return listener.close();
      };
      closers.add(close);
      return { ...listener, close };
    },
    startMdns(o, onDevice) {
      const recent = new Map<string, number>();
      const onCandidate = (c: MdnsCandidate): void => {
        if (c.address === null) return;
        const httpPort = c.type === 'http' ? c.port : (o.httpPort ?? DEFAULT_HTTP_PORT);
        const t: Target = { host: c.address, httpPort, rpcPort: o.rpcPort ?? DEFAULT_RPC_PORT };
        const now = deps.now();
        const seen = recent.get(t.host);
        if (seen !== undefined && now - seen < MDNS_RECHECK_MS) return;
        recent.set(t.host, now);
        if (recent.size > 4096) recent.delete(recent.keys().next().value ?? '');
        const silent = `Advertised "${c.name}" over mDNS but answers on neither port ${t.httpPort} nor ${t.rpcPort}.`;
        sideIdentify(t, 'mdns', silent, (d) => onDevice({ ...d, hostname: d.hostname ?? c.host }));
      };
      const handle = browseMiners(o, onCandidate, deps.bonjour);
      return track(closers, handle);
    },
    publish(o) {
      return track(closers, publishRigDeck(o, deps.bonjour));
    },
    async close() {
      const running = [...scans.values()];
      for (const scan of running) scan.controller.abort();
      await Promise.all([...running.map((scan) => scan.done), ...[...closers].map((c) => c())]);
    },
  };
  return discovery;
}

function track(closers: Set<() => Promise<void>>, handle: MdnsHandle): MdnsHandle {
  const stop = (): Promise<void> => {
    closers.delete(stop);
    return handle.stop();
  };
  closers.add(stop);
  return { stop };
}

function isTargetSet(x: readonly string[] | TargetSet): x is TargetSet {
  return 'total' in x;
}

/** Only the scan's own knobs, and `{ concurrency: undefined }` from a form does not wipe out a default. */
export function scanOptions(r: ScanRequest): ScanOptions {
  const d = DEFAULT_SCAN_OPTIONS;
  return {
    concurrency: r.concurrency ?? d.concurrency,
    connectTimeoutMs: r.connectTimeoutMs ?? d.connectTimeoutMs,
    identifyConcurrency: r.identifyConcurrency ?? d.identifyConcurrency,
    identifyTimeoutMs: r.identifyTimeoutMs ?? d.identifyTimeoutMs,
    progressEveryMs: r.progressEveryMs ?? d.progressEveryMs,
    source: r.source ?? d.source,
  };
}
