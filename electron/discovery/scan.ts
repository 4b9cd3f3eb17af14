/**
 * The staged subnet scanner. Stage one: `concurrency` workers pull targets lazily from the set and TCP-
 * connect to the HTTP and RPC ports with a short timeout. Stage two: what answered is identified, at most
 * `identifyConcurrency` at a time; a worker waits for an identification slot before it pulls the next
 * target, so in-flight work (and sockets, and memory) stays bounded however large the range. Results are
 * streamed through `onEvent` as soon as each is known; only counts are kept.
 */
import { type Socket } from 'node:net';

import { type DiscoveredDevice, type DiscoverySource } from '../../shared/discovery';
import type { Logger } from '../contract/dispatch';
import { type Identity, unknownIdentity } from './fingerprint';
import { createSemaphore } from './limiter';
import { type Target, type TargetSet } from './targets';
import { type PortState, type TcpProbe } from './tcp-probe';

export type ScanOptions = {
  /** Targets in the TCP stage at once (each holds up to two sockets). */
  concurrency: number;
  /** How long a port may stay silent before it counts as closed. */
  connectTimeoutMs: number;
  /** Devices being identified at once. */
  identifyConcurrency: number;
  /** Deadline for one device's identification requests together. */
  identifyTimeoutMs: number;
  /** At least this long between progress events (the last one is always sent). */
  progressEveryMs: number;
  source: DiscoverySource;
};

export const DEFAULT_SCAN_OPTIONS: ScanOptions = {
  // asic-rs's staged defaults (docs/vnish.md §6: 256 parallel / 500 ms TCP, 128 / 3 s identification). 128
  // identifications at once, not fewer: a miner's web server is slow to answer, so a scan waits on replies far
  // more than it computes; at most 4 sockets per device, as many in all as the TCP stage's 256 × 2.
  concurrency: 256,
  connectTimeoutMs: 500,
  identifyConcurrency: 128,
  identifyTimeoutMs: 3000,
  progressEveryMs: 100,
  source: 'scan',
};

export type ScanSummary = {
  total: number;
  /** Targets fully handled (closed, silent, or identified). Less than total only when cancelled. */
  done: number;
  /** Targets where something answered; each produced one `found` event. */
  found: number;
  byKind: Record<DiscoveredDevice['kind'], number>;
  cancelled: boolean;
  elapsedMs: number;
};

export type ScanEvent =
  | { type: 'found'; device: DiscoveredDevice }
  | { type: 'progress'; done: number; total: number; found: number }
  | { type: 'done'; summary: ScanSummary };

export type Open = { http: boolean; rpc: boolean };

/** What the TCP stage learnt of a target: its open ports and, when HTTP is open, that connection still open. */
type Probed = Open & { socket: Socket | null };

export type ScanDeps = {
  probe: TcpProbe;
  /**
   * Verdict for a target that answered; rejects only when `signal` fires. `socket`: the probe's open
   * connection to the HTTP port, for the first request (the scan closes it afterwards if identify did not).
   */
  identify(target: Target, open: Open, signal: AbortSignal, socket: Socket | null): Promise<Identity>;
  toDevice(target: Target, open: Open, identity: Identity, source: DiscoverySource): DiscoveredDevice;
  now(): number;
  /** Where a failing listener is reported; console when not given. */
  log?: Pick<Logger, 'error'>;
};

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function probeBoth(deps: ScanDeps, t: Target, o: ScanOptions, signal: AbortSignal): Promise<Probed> {
  let socket: Socket | null = null;
  const hold = (s: Socket): void => {
    socket = s;
  };
  const ask = (port: number, keep?: typeof hold): Promise<PortState> =>
    deps.probe(t.host, port, o.connectTimeoutMs, signal, keep);
  if (t.httpPort === t.rpcPort) {
    const s = await ask(t.httpPort, hold);
    return { http: s === 'open', rpc: s === 'open', socket };
  }
  const [http, rpc] = await Promise.all([ask(t.httpPort, hold), ask(t.rpcPort)]);
  return { http: http === 'open', rpc: rpc === 'open', socket };
}

/** Runs one scan to completion or cancellation; always ends with exactly one `done` event. */
export async function runScan(
  targets: TargetSet,
  options: ScanOptions,
  deps: ScanDeps,
  onEvent: (event: ScanEvent) => void,
  signal: AbortSignal,
): Promise<ScanSummary> {
  const started = deps.now();
  const total = targets.total;
  const byKind: ScanSummary['byKind'] = { vnish: 0, unsupported: 0, unknown: 0 };
  let done = 0;
  let found = 0;
  let lastProgress = -Infinity;
  const emit = (event: ScanEvent): void => {
    // A listener that throws must not stop the scan or lose the other results.
    try {
      onEvent(event);
    } catch (e) {
      (deps.log ?? console).error(`discovery: scan listener failed: ${reasonOf(e)}`);
    }
  };
  const progress = (force: boolean): void => {
    const now = deps.now();
    if (!force && now - lastProgress < options.progressEveryMs) return;
    lastProgress = now;
    emit({ type: 'progress', done, total, found });
  };
  const complete = (device: DiscoveredDevice | null): void => {
    if (signal.aborted) return;
    done++;
    if (device) {
      found++;
      byKind[device.kind]++;
      emit({ type: 'found', device });
    }
    progress(done === total);
  };

  const slots = createSemaphore(Math.max(1, options.identifyConcurrency));
  const identifying = new Set<Promise<void>>();
  const identifyOne = async (t: Target, { socket, ...open }: Probed): Promise<void> => {
    try {
      const identity = await deps.identify(t, open, signal, socket);
      complete(deps.toDevice(t, open, identity, options.source));
    } catch (e) {
      if (signal.aborted) return;
      // Never silently dropped: a failure inside identification still reports what answered.
      complete(
        deps.toDevice(
          t,
          open,
          unknownIdentity(`Unknown device: identification failed (${reasonOf(e)}).`),
          options.source,
        ),
      );
    } finally {
      socket?.destroy();
      slots.release();
    }
  };

  const iterator = targets[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    while (!signal.aborted) {
      const next = iterator.next();
      if (next.done) return;
      const t = next.value;
      const open = await probeBoth(deps, t, options, signal);
      if (signal.aborted) {
        open.socket?.destroy();
        return;
      }
      if (!open.http && !open.rpc) {
        complete(null);
        continue;
      }
      await slots.acquire();
      if (signal.aborted) {
        open.socket?.destroy();
        slots.release();
        return;
      }
      const p = identifyOne(t, open).finally(() => identifying.delete(p));
      identifying.add(p);
    }
  };

  progress(true);
  const workers = Math.max(1, Math.min(options.concurrency, total));
  await Promise.all(Array.from({ length: workers }, worker));
  while (identifying.size > 0) await Promise.all([...identifying]);
  const summary: ScanSummary = {
    total,
    done,
    found,
    byKind,
    cancelled: signal.aborted,
    elapsedMs: deps.now() - started,
  };
  if (!signal.aborted && done !== total) progress(true);
  emit({ type: 'done', summary });
  return summary;
}
