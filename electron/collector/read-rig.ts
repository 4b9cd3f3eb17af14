/**
 * Reading one rig, in tiers, through the connectors. Every poll reads Vnish /summary (hashrate, power,
 * temperatures, fans, chains, pools, miner state): one request. /info, /status and /perf-summary (identity,
 * uptime, preset, restart flags) are read on the detail cadence or when something suggests they changed, and
 * kept; presets, model limits, chip detail and pool settings on the slow cadence. Rigs that do not speak Vnish
 * REST (stock firmware) are read over CGMiner RPC, the telemetry fallback.
 */
import { type ChainChips, type RigSnapshot } from '../../shared/rig';
import { type HashUnit, parseHashUnit, parseUptimeSeconds } from '../../shared/units';
import { readRpcSnapshot } from '../miners/cgminer/read';
import { MinerError, type MinerErrorCode } from '../miners/errors';
import { type CallOptions, type VnishClient } from '../miners/vnish/client';
import { createVnishControl } from '../miners/vnish/control';
import { normalizeVnish } from '../miners/vnish/normalize';
import { normalizeChainChips } from '../miners/vnish/normalize-chips';
import { type Info, type ModelInfo } from '../miners/vnish/schemas-info';
import { type Status, type Summary } from '../miners/vnish/schemas-summary';
import { type PerfSummary, type PresetItem } from '../miners/vnish/schemas-tuning';
import { createSharer } from './shared-values';

export type Source = RigSnapshot['source'];

// Alike on every rig of one model and firmware build: one copy each for the whole fleet. /model also names
// the rig's serial, so what is shared there is the rest of it (chain layout, cooling and overclock limits).
const samePresets = createSharer<PresetItem[]>();
const sameModel = createSharer<ModelInfo>();

function shareModel(m: ModelInfo | null): ModelInfo | null {
  if (m === null) return null;
  const alike = sameModel({ ...m, serial: null });
  return alike === null ? m : { ...alike, serial: m.serial };
}

export type VnishDetail = {
  info: Info | null;
  /** When `info` was read: the uptime it carries is advanced from here between reads. */
  infoAtMs: number | null;
  /** The uptime `info` said when read (not advanced): a smaller one at the next read means a reboot. */
  uptimeSec: number | null;
  status: Status | null;
  perf: PerfSummary | null;
  atMs: number;
};

export type PoolSetting = { url: string; user: string; password: string };

export type SlowDetail = {
  atMs: number;
  presets: PresetItem[] | null;
  model: ModelInfo | null;
  chips: ChainChips[] | null;
  chipsAtMs: number | null;
  /** The pool slots as configured (with their stratum passwords, which carry the worker name). */
  pools: PoolSetting[] | null;
  /** What failed ("presets: timeout"). */
  errors: string[];
};

export type ReadOptions = { now: () => number; signal: AbortSignal; timeoutMs: number };

export type RigTarget = { host: string; rpcPort: number | null; firmware: string | null };

/** Vnish REST unless the registry knows the firmware is something else and there is an RPC port to ask. */
export function preferredSource(t: RigTarget): Source {
  if (t.rpcPort !== null && t.firmware !== null && !/vnish/i.test(t.firmware)) return 'cgminer-rpc';
  return 'vnish-rest';
}

const NOT_VNISH: readonly MinerErrorCode[] = ['http', 'bad_reply', 'auth'];

/** Something answered on HTTP but not as Vnish does: worth asking RPC. A silent rig is not (two timeouts). */
export function shouldTryRpc(error: unknown, t: RigTarget): boolean {
  return t.rpcPort !== null && error instanceof MinerError && NOT_VNISH.includes(error.code);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function part(name: string, error: unknown): string {
  return `${name}: ${error instanceof MinerError ? error.code : 'error'}`;
}

const callOf = (o: ReadOptions): CallOptions => ({ signal: o.signal, timeoutMs: o.timeoutMs });

/** One Vnish poll: /summary, plus the detail endpoints when `refresh` (or when the summary has no miner state). */
export async function readVnish(
  client: VnishClient,
  cached: VnishDetail | null,
  refresh: boolean,
  o: ReadOptions,
): Promise<{ snapshot: RigSnapshot; detail: VnishDetail | null }> {
  const call = callOf(o);
  // Most polls are the summary alone: awaited as it is, no settling of three requests that were never made.
  if (!refresh) {
    let summary: Summary;
    try {
      summary = await client.summary(call);
    } catch (error) {
      throw summaryFailed(client, error);
    }
    // While the firmware starts, /summary has no miner object: only /status then says what the miner is doing.
    const liveStatus =
      (summary.miner?.miner_status ?? null) === null
        ? await client.status(call).catch(() => cached?.status ?? null)
        : (cached?.status ?? null);
    return fromReplies(cached, o, summary, liveStatus, null);
  }
  const [summary, info, status, perf] = await Promise.allSettled([
    client.summary(call),
    client.info(call),
    client.status(call),
    client.perfSummary(call),
  ]);
  if (summary.status === 'rejected') throw summaryFailed(client, summary.reason);
  return fromReplies(cached, o, summary.value, null, [info, status, perf]);
}

function summaryFailed(client: VnishClient, reason: unknown): MinerError {
  return reason instanceof MinerError
    ? reason
    : new MinerError('bad_reply', `summary @ ${client.host}:${client.port}: failed`, { cause: reason });
}

type Settled<T> = PromiseSettledResult<T | null>;

/** The snapshot from /summary and whatever detail was read (or is kept), uptime advanced since /info's read. */
function fromReplies(
  cached: VnishDetail | null,
  o: ReadOptions,
  summary: Summary,
  kept: Status | null,
  read: [Settled<Info>, Settled<Status>, Settled<PerfSummary>] | null,
): { snapshot: RigSnapshot; detail: VnishDetail | null } {
  const now = o.now();
  const incomplete: string[] = [];
  const pick = <T>(name: string, r: PromiseSettledResult<T | null>, old: T | null): T | null => {
    if (r.status === 'fulfilled') return r.value ?? old;
    if (old === null) incomplete.push(part(name, r.reason));
    return old;
  };
  let detail: VnishDetail | null = cached;
  if (read !== null) {
    const [info, status, perf] = read;
    const freshInfo = info.status === 'fulfilled' ? info.value : null;
    detail = {
      info: pick('info', info, cached?.info ?? null),
      infoAtMs: freshInfo !== null ? now : (cached?.infoAtMs ?? null),
      uptimeSec:
        freshInfo !== null
          ? parseUptimeSeconds(freshInfo.system?.uptime ?? null)
          : (cached?.uptimeSec ?? null),
      status: pick('status', status, cached?.status ?? null),
      perf: pick('perf-summary', perf, cached?.perf ?? null),
      atMs: now,
    };
  }
  const liveStatus = read === null ? kept : (detail?.status ?? null);
  const snapshot = normalizeVnish(
    { summary, info: detail?.info ?? null, status: liveStatus, perf: detail?.perf ?? null },
    { takenAtMs: now, incomplete },
  );
  const infoAt = detail?.infoAtMs ?? null;
  if (snapshot.uptimeSec !== null && infoAt !== null && infoAt < now) {
    return {
      snapshot: { ...snapshot, uptimeSec: snapshot.uptimeSec + Math.round((now - infoAt) / 1000) },
      detail,
    };
  }
  return { snapshot, detail };
}

export function readRpc(host: string, port: number, o: ReadOptions): Promise<RigSnapshot> {
  return readRpcSnapshot(host, port, { now: o.now, timeoutMs: o.timeoutMs, signal: o.signal });
}

/**
 * The slow tier over Vnish REST: presets, model limits, pool settings (which need a login), and chip detail when
 * `withChips` (else the chips read last time are kept).
 */
export async function readVnishSlow(
  client: VnishClient,
  unit: HashUnit,
  prev: SlowDetail | null,
  withChips: boolean,
  o: ReadOptions,
): Promise<SlowDetail> {
  const call = callOf(o);
  const [presets, model, chips, settings] = await Promise.allSettled([
    client.presets(call),
    client.model(call),
    withChips ? client.chainChips(call) : null,
    createVnishControl(client.transport).getSettings(call),
  ]);
  const errors: string[] = [];
  const value = <T>(name: string, r: PromiseSettledResult<T>): T | null => {
    if (r.status === 'fulfilled') return r.value;
    errors.push(part(name, r.reason));
    return null;
  };
  const items = withChips ? value('chips', chips) : null;
  const now = o.now();
  const slots = value('settings', settings)?.settings.miner?.pools ?? null;
  return {
    atMs: now,
    presets: samePresets(value('presets', presets)),
    model: shareModel(value('model', model)),
    chips: items === null ? (prev?.chips ?? null) : normalizeChainChips(items, unit),
    chipsAtMs: items === null ? (prev?.chipsAtMs ?? null) : now,
    pools:
      slots === null
        ? null
        : slots
            .map((p) => ({ url: p.url ?? '', user: p.user ?? '', password: p.pass ?? '' }))
            .filter((p) => p.url !== ''),
    errors,
  };
}

/** RPC gives no settings: the pool slots it reports, without passwords (so no worker name), and nothing else. */
export function slowFromSnapshot(s: RigSnapshot, atMs: number): SlowDetail {
  return {
    atMs,
    presets: null,
    model: null,
    chips: null,
    chipsAtMs: null,
    pools: s.pools
      .filter((p) => p.kind === 'user' && p.url !== '')
      .map((p) => ({ url: p.url, user: p.user, password: '' })),
    errors: [],
  };
}

export function hashUnitOf(s: RigSnapshot): HashUnit {
  return parseHashUnit(s.identity.reportedHashUnit) ?? 'MH/s';
}
