/**
 * Identifying one address outside a scan: probe both ports, identify what answered (manual add, re-checking a
 * known rig), and the side channels' queue (IP Report, mDNS): one identification per address at a time, a few
 * at once overall, a failure logged rather than thrown into a socket callback.
 */
import { type Socket } from 'node:net';

import { type DiscoveredDevice, type DiscoverySource } from '../../shared/discovery';
import type { Logger } from '../contract/dispatch';
import { unknownIdentity } from './fingerprint';
import { DEFAULT_MAX_BYTES, identify, type IdentifyDeps, toDevice } from './identify';
import { createSemaphore } from './limiter';
import { DEFAULT_SCAN_OPTIONS, type Open } from './scan';
import { type Target } from './targets';
import { type TcpProbe } from './tcp-probe';

/** IP Report and mDNS devices identified at once; they arrive one by one, so a few slots are plenty. */
const SIDE_CHANNEL_SLOTS = 8;

export type TargetIdentifier = {
  /** What identifies a scan's open target (the scan passes its own signal and limits). */
  verdict(
    t: Target,
    open: Open,
    signal: AbortSignal | undefined,
    maxBytes: number,
    timeoutMs: number,
    socket: Socket | null,
  ): ReturnType<typeof identify>;
  /** Probe both ports, identify what answered; `silentReason` explains a device that answered nothing. */
  identifyTarget(t: Target, source: DiscoverySource, silentReason: string): Promise<DiscoveredDevice>;
  /** A side channel's device: identified when a slot is free, unless this address is already being identified. */
  sideIdentify(t: Target, source: DiscoverySource, silent: string, then: (d: DiscoveredDevice) => void): void;
};

export function createTargetIdentifier(
  deps: IdentifyDeps & { probe: TcpProbe; log: Pick<Logger, 'error'> },
): TargetIdentifier {
  const sideSlots = createSemaphore(SIDE_CHANNEL_SLOTS);
  const inFlight = new Set<string>();

  const verdict: TargetIdentifier['verdict'] = (t, open, signal, maxBytes, timeoutMs, socket) =>
    identify(t, open, deps, { timeoutMs, maxBytes, socket, ...(signal ? { signal } : {}) });

  const identifyTarget: TargetIdentifier['identifyTarget'] = async (t, source, silentReason) => {
    const o = DEFAULT_SCAN_OPTIONS;
    let socket: Socket | null = null;
    const hold = (s: Socket): void => {
      socket = s;
    };
    const [http, rpc] = await Promise.all([
      deps.probe(t.host, t.httpPort, o.connectTimeoutMs, undefined, hold),
      t.rpcPort === t.httpPort ? null : deps.probe(t.host, t.rpcPort, o.connectTimeoutMs),
    ]);
    const open: Open = { http: http === 'open', rpc: (rpc ?? http) === 'open' };
    if (!open.http && !open.rpc) {
      return toDevice(t, open, unknownIdentity(silentReason), source);
    }
    return toDevice(
      t,
      open,
      await verdict(t, open, undefined, DEFAULT_MAX_BYTES, o.identifyTimeoutMs, socket),
      source,
    );
  };

  return {
    verdict,
    identifyTarget,
    sideIdentify(t, source, silent, then) {
      const key = `${t.host}|${t.httpPort}|${t.rpcPort}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      void (async () => {
        await sideSlots.acquire();
        try {
          then(await identifyTarget(t, source, silent));
        } catch (e) {
          deps.log.error(`discovery: ${source} ${t.host}: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          sideSlots.release();
          inFlight.delete(key);
        }
      })();
    },
  };
}
