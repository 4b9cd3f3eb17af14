/**
 * Identification of one address that answered the TCP stage (docs/vnish.md §6): `GET /api/v1/info` first, and
 * when it names Vnish that is the verdict, in one request; otherwise `GET /` (the info reply is kept as evidence
 * only when the page looks like AnthillOS or says nothing, as if asked after it) and, at the same time, the
 * CGMiner RPC fingerprint when the RPC port is open. Gathers evidence under one deadline and hands it to the
 * pure `decide`.
 */
import { type Socket } from 'node:net';

import { rpcCommandRaw } from '../miners/cgminer/client';
import { type DiscoveredDevice, type DiscoverySource } from '../../shared/discovery';
import {
  decide,
  type Evidence,
  type Identity,
  type Probe,
  saysVnish,
  wantsInfo,
  wantsRpc,
} from './fingerprint';
import { MinerError } from '../miners/errors';
import { type HttpGet, type HttpLink, type HttpPage, HttpProbeError, httpGet } from './http-get';
import { type Target } from './targets';

export type RpcRaw = (
  host: string,
  port: number,
  command: string,
  options: { timeoutMs: number; signal?: AbortSignal; maxBytes: number },
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
  /** An open connection to the HTTP port (the scan's probe): the first request goes over it. Closed by identify. */
  socket?: Socket | null;
};

export const DEFAULT_IDENTIFY_TIMEOUT_MS = 3000;
export const DEFAULT_MAX_BYTES = 64 * 1024;

/** docs/vnish.md §6: version, devdetails and stats, sent in parallel. */
const RPC_COMMANDS = ['version', 'devdetails', 'stats'] as const;
const MAX_REDIRECTS = 2;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * One device's deadline over all its requests: each request gets the time that is left as its own timeout
 * (and the scan's cancel as its signal), so no extra timer, AbortController or listener per device.
 */
type Deadline = { left(): number; expired(e: unknown): boolean };

function deadlineOf(timeoutMs: number): Deadline {
  const end = performance.now() + timeoutMs;
  return {
    left: () => Math.max(1, Math.ceil(end - performance.now())),
    expired: (e) =>
      performance.now() >= end ||
      (e instanceof HttpProbeError && e.kind === 'timeout') ||
      (e instanceof MinerError && e.code === 'timeout'),
  };
}

/** The part of a device's deadline the first request (`/api/v1/info`) may use. */
function firstShare(timeoutMs: number): number {
  return Math.max(1, Math.ceil(timeoutMs / 2));
}

async function probe<T>(run: () => Promise<T>, deadline: Deadline): Promise<Probe<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: deadline.expired(e) ? 'timed out' : message(e) };
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

/** GET `path` of the device's web server, over the link's connection when it has one, within `timeoutMs`. */
type GetPath = (path: string, timeoutMs?: number) => Promise<HttpPage>;

async function fetchPage(get: GetPath, t: Target): Promise<HttpPage> {
  let path = '/';
  let page = await get(path);
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const next = localRedirect(page, t.host, t.httpPort);
    if (next === null || next === path) break;
    path = next;
    page = await get(path);
  }
  return page;
}

/** `GET /` (and its redirects); the web server is done with afterwards, so its connection is closed. */
async function webPage(
  get: GetPath,
  t: Target,
  link: HttpLink,
  deadline: Deadline,
): Promise<Probe<HttpPage>> {
  const page = await probe(() => fetchPage(get, t), deadline);
  link.socket?.destroy();
  link.socket = null;
  return page;
}

/** docs/vnish.md §6: version, devdetails and stats in parallel; a reply that did not come is ''. */
function rpcFingerprint(
  deps: IdentifyDeps,
  t: Target,
  options: IdentifyOptions,
  deadline: Deadline,
): Promise<Probe<string[]>> {
  const { signal } = options;
  return probe(async () => {
    const replies = await Promise.allSettled(
      RPC_COMMANDS.map((c) =>
        deps.rpcRaw(t.host, t.rpcPort, c, {
          timeoutMs: deadline.left(),
          maxBytes: options.maxBytes,
          ...(signal ? { signal } : {}),
        }),
      ),
    );
    if (replies.every((r) => r.status === 'rejected')) throw replies[0]?.reason;
    return replies.map((r) => (r.status === 'fulfilled' ? r.value : ''));
  }, deadline);
}

/** Resolves to a verdict for every device that answered; rejects only when `options.signal` (cancel) fires. */
export async function identify(
  t: Target,
  open: { http: boolean; rpc: boolean },
  deps: IdentifyDeps,
  options: IdentifyOptions,
): Promise<Identity> {
  const link: HttpLink = { socket: options.socket ?? null };
  try {
    return await gather(t, open, deps, options, deadlineOf(options.timeoutMs), link);
  } finally {
    link.socket?.destroy();
  }
}

async function gather(
  t: Target,
  open: { http: boolean; rpc: boolean },
  deps: IdentifyDeps,
  options: IdentifyOptions,
  deadline: Deadline,
  link: HttpLink,
): Promise<Identity> {
  const { signal } = options;
  const get: GetPath = (path, timeoutMs) =>
    deps.httpGet({
      host: t.host,
      port: t.httpPort,
      path,
      timeoutMs: Math.min(timeoutMs ?? Infinity, deadline.left()),
      maxBytes: options.maxBytes,
      link,
      ...(signal ? { signal } : {}),
    });
  const e: Evidence = {
    httpPort: t.httpPort,
    rpcPort: t.rpcPort,
    httpOpen: open.http,
    rpcOpen: open.rpc,
    page: null,
    info: null,
    rpc: null,
  };
  // Most of a farm's LAN is Vnish: its info reply alone is the verdict, so ask it first and spare the page.
  // It gets half the deadline, so a web server that serves its page but stalls on the API still shows the page.
  const info = open.http
    ? await probe(() => get('/api/v1/info', firstShare(options.timeoutMs)), deadline)
    : null;
  if (saysVnish(info)) e.info = info;
  else {
    // The page and the RPC fingerprint do not depend on each other (whether the RPC is worth asking depends
    // only on the info reply: wantsRpc), so both are asked at once: one round trip less for what is not Vnish.
    const [page, rpc] = await Promise.all([
      open.http ? webPage(get, t, link, deadline) : null,
      wantsRpc({ rpcOpen: open.rpc, info }) ? rpcFingerprint(deps, t, options, deadline) : null,
    ]);
    e.page = page;
    e.rpc = rpc;
    if (wantsInfo(page)) e.info = info;
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
