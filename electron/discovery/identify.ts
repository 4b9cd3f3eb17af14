/**
 * Identification of one address that answered the TCP stage: `GET /`, then `GET /api/v1/info` when the
 * page looks like AnthillOS (or says nothing), then the CGMiner RPC fingerprint when still unsure
 * (docs/vnish.md §6). Gathers evidence under one deadline and hands it to the pure `decide`.
 */
import { rpcCommandRaw } from '../miners/cgminer/client';
import { type DiscoveredDevice, type DiscoverySource } from '../../shared/discovery';
import { decide, type Evidence, type Identity, type Probe, wantsInfo, wantsRpc } from './fingerprint';
import { type HttpGet, type HttpPage, httpGet } from './http-get';
import { type Target } from './targets';

export type RpcRaw = (
  host: string,
  port: number,
  command: string,
  options: { timeoutMs: number; signal: AbortSignal; maxBytes: number },
) => Promise<string>;

export type IdentifyDeps = { httpGet: HttpGet; rpcRaw: RpcRaw };

export const realIdentifyDeps: IdentifyDeps = { httpGet, rpcRaw: rpcCommandRaw };

export type IdentifyOptions = {
  /** Deadline for all of one device's identification requests together. */
  timeoutMs: number;
  /** Read at most this much of any page or reply. */
  maxBytes: number;
  /** The scan's cancel: when it fires, identify rejects instead of returning a verdict. */
  signal?: AbortSignal;
};

export const DEFAULT_IDENTIFY_TIMEOUT_MS = 3000;
export const DEFAULT_MAX_BYTES = 64 * 1024;

/** docs/vnish.md §6: version, devdetails and stats, sent in parallel. */
const RPC_COMMANDS = ['version', 'devdetails', 'stats'] as const;
const MAX_REDIRECTS = 2;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function probe<T>(run: () => Promise<T>, deadline: AbortSignal): Promise<Probe<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: deadline.aborted ? 'timed out' : message(e) };
  }
}

/** A same-host http redirect to another path (e.g. "/" → "/index.html"), or null. */
function localRedirect(page: HttpPage, host: string, port: number): string | null {
  if (page.status < 300 || page.status >= 400) return null;
  const location = page.headers['location'];
  if (!location) return null;
  try {
    const url = new URL(location, `http://${host}:${port}/`);
    const samePort = (url.port === '' ? 80 : Number(url.port)) === port;
    if (url.protocol !== 'http:' || url.hostname !== host || !samePort) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

async function fetchPage(
  get: HttpGet,
  t: Target,
  options: IdentifyOptions,
  signal: AbortSignal,
): Promise<HttpPage> {
  let path = '/';
  let page = await get({
    host: t.host,
    port: t.httpPort,
    path,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    signal,
  });
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const next = localRedirect(page, t.host, t.httpPort);
    if (next === null || next === path) break;
    path = next;
    page = await get({
      host: t.host,
      port: t.httpPort,
      path,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      signal,
    });
  }
  return page;
}

/** Resolves to a verdict for every device that answered; rejects only when `options.signal` (cancel) fires. */
export async function identify(
  t: Target,
  open: { http: boolean; rpc: boolean },
  deps: IdentifyDeps,
  options: IdentifyOptions,
): Promise<Identity> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const e: Evidence = {
    httpPort: t.httpPort,
    rpcPort: t.rpcPort,
    httpOpen: open.http,
    rpcOpen: open.rpc,
    page: null,
    info: null,
    rpc: null,
  };
  if (open.http) {
    e.page = await probe(() => fetchPage(deps.httpGet, t, options, signal), deadline);
    if (wantsInfo(e.page)) {
      e.info = await probe(
        () =>
          deps.httpGet({
            host: t.host,
            port: t.httpPort,
            path: '/api/v1/info',
            timeoutMs: options.timeoutMs,
            maxBytes: options.maxBytes,
            signal,
          }),
        deadline,
      );
    }
  }
  if (wantsRpc(e)) {
    e.rpc = await probe(async () => {
      const replies = await Promise.allSettled(
        RPC_COMMANDS.map((c) =>
          deps.rpcRaw(t.host, t.rpcPort, c, {
            timeoutMs: options.timeoutMs,
            signal,
            maxBytes: options.maxBytes,
          }),
        ),
      );
      if (replies.every((r) => r.status === 'rejected')) throw replies[0]?.reason;
      return replies.map((r) => (r.status === 'fulfilled' ? r.value : ''));
    }, deadline);
  }
  options.signal?.throwIfAborted();
  return decide(e);
}

export function toDevice(
  t: Target,
  open: { http: boolean; rpc: boolean },
  identity: Identity,
  source: DiscoverySource,
): DiscoveredDevice {
  return {
    ip: t.host,
    port: t.httpPort,
    rpcPort: open.rpc ? t.rpcPort : null,
    ...identity,
    source,
    rigId: null,
  };
}
