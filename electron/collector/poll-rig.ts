/**
 * One poll of one rig: which protocol, which tiers are due, the RPC fallback. Reads the entry, returns what it
 * learned; the collector applies it only if the entry is still current (the rig was not removed or moved while
 * the requests were out), so nothing here mutates shared state across an await.
 */
import { type RigSnapshot } from '../../shared/rig';
import { MinerError } from '../miners/errors';
import { type MinerAgent } from '../miners/vnish/http';
import { createVnishClient, type TokenStore, type VnishClient } from '../miners/vnish/client';
import { apiFamily } from '../miners/vnish/version';
import {
  describeError,
  hashUnitOf,
  preferredSource,
  readRpc,
  readVnish,
  readVnishSlow,
  type ReadOptions,
  type RigTarget,
  type SlowDetail,
  shouldTryRpc,
  slowFromSnapshot,
  type Source,
  type VnishDetail,
} from './read-rig';
import { checkReading, modelOf } from '../health/plausibility';
import { type ModelSpec } from '../miners/models';
import { type RigEntry } from './rig-entry';

export type PollDeps = {
  agent: MinerAgent;
  tokens: TokenStore;
  passwordFor(rigId: string): string;
  timeoutMs: number;
  detailEveryMs: number;
  slowEveryMs: number;
  chipsWithSlow: boolean;
};

export type PollOutcome = {
  snapshot: RigSnapshot;
  source: Source;
  client: VnishClient | null;
  password: string | null;
  detail: VnishDetail | null;
  detailRead: boolean;
  slow: SlowDetail | null;
  slowRead: boolean;
  chipsRead: boolean;
  /** The model the reading names (for plausibility bounds and temperature limits), when it names one. */
  model: ModelSpec | null;
  /** Figures nulled as implausible ("chip −874 °C"). */
  implausible: string[];
  /** REST failed and RPC answered: what each said. */
  degraded: string | null;
};

/** Password changes take effect at the next slow read (or a new address): no vault read on every poll. */
function clientFor(
  id: string,
  e: RigEntry,
  d: PollDeps,
  recheck: boolean,
): { client: VnishClient; password: string } {
  if (e.client !== null && e.password !== null && !recheck) return { client: e.client, password: e.password };
  const password = d.passwordFor(id);
  if (e.client !== null && password === e.password) return { client: e.client, password };
  const family = apiFamily(e.detail?.info?.fw_version ?? null);
  const client = createVnishClient({
    host: e.record.ip,
    port: e.record.httpPort,
    password,
    timeoutMs: d.timeoutMs,
    agent: d.agent,
    tokens: d.tokens,
    ...(family === null ? {} : { family }),
  });
  return { client, password };
}

/**
 * A reply with nothing a technician could use (an HTML page, a body of nonsense parsed leniently into nulls) is
 * a failed read, not "online with empty figures".
 */
export function hasFigures(s: RigSnapshot): boolean {
  return (
    s.minerState !== 'unknown' ||
    s.hashrateMhs !== null ||
    s.powerW !== null ||
    s.chains.length > 0 ||
    s.fans.length > 0 ||
    s.chipTemp.maxC !== null
  );
}

type Read = Omit<PollOutcome, 'model' | 'implausible' | 'degraded'> & { degraded: string | null };

/** The read, checked: no figures is a failure; figures that cannot be physical are nulled and named. */
export async function pollEntry(
  rigId: string,
  entry: RigEntry,
  deps: PollDeps,
  options: ReadOptions,
): Promise<PollOutcome> {
  const read = await readEntry(rigId, entry, deps, options);
  const model = modelOf(read.snapshot, entry.record.model);
  const checked = checkReading(read.snapshot, model);
  // Written out, not spread: every rig, every poll.
  return {
    snapshot: checked.snapshot,
    source: read.source,
    client: read.client,
    password: read.password,
    detail: read.detail,
    detailRead: read.detailRead,
    slow: read.slow,
    slowRead: read.slowRead,
    chipsRead: read.chipsRead,
    model,
    implausible: checked.notes,
    degraded: read.degraded,
  };
}

async function readEntry(
  rigId: string,
  entry: RigEntry,
  deps: PollDeps,
  options: ReadOptions,
): Promise<Read> {
  const now = options.now();
  const target: RigTarget = {
    host: entry.record.ip,
    rpcPort: entry.record.rpcPort,
    firmware: entry.record.firmware,
  };
  const slowDue =
    entry.slowDue || entry.chipsDue || entry.slow === null || now - entry.slow.atMs >= deps.slowEveryMs;
  const chipsDue = entry.chipsDue || (slowDue && deps.chipsWithSlow);
  let restError: unknown = null;
  // A Vnish rig that fell back to RPC once (a 500 from a busy web server) is offered REST again at each slow read.
  const preferred = preferredSource(target);
  const tryRest = (entry.source ?? preferred) === 'vnish-rest' || (slowDue && preferred === 'vnish-rest');
  if (tryRest) {
    const { client, password } = clientFor(rigId, entry, deps, slowDue);
    const refresh = entry.detailDue || entry.detail === null || now - entry.detail.atMs >= deps.detailEveryMs;
    try {
      const read = await readVnish(client, entry.detail, refresh, options);
      if (!hasFigures(read.snapshot)) {
        throw new MinerError('bad_reply', `${client.host}:${client.port}: the reply has no usable figures`);
      }
      const unit = hashUnitOf(read.snapshot);
      const slow = slowDue ? await readVnishSlow(client, unit, entry.slow, chipsDue, options) : entry.slow;
      return {
        snapshot: read.snapshot,
        source: 'vnish-rest',
        client,
        password,
        detail: read.detail,
        detailRead: refresh,
        slow,
        slowRead: slowDue,
        chipsRead: chipsDue,
        degraded: null,
      };
    } catch (error) {
      if (!shouldTryRpc(error, target)) throw error;
      restError = error;
    }
  }
  if (target.rpcPort === null) throw new MinerError('unreachable', `${target.host}: no RPC port to ask`);
  try {
    const snapshot = await readRpc(target.host, target.rpcPort, options);
    if (!hasFigures(snapshot)) {
      throw new MinerError(
        'bad_reply',
        `${target.host}:${target.rpcPort}: the RPC reply has no usable figures`,
      );
    }
    const rpcSaid =
      snapshot.incomplete.length === 0 ? 'answered' : `answered without ${snapshot.incomplete.join(', ')}`;
    return {
      snapshot,
      source: 'cgminer-rpc',
      client: entry.client,
      password: entry.password,
      detail: entry.detail,
      detailRead: false,
      slow: slowDue ? slowFromSnapshot(snapshot, now) : entry.slow,
      slowRead: slowDue,
      // RPC has no chip detail: asking again would not help.
      chipsRead: chipsDue,
      degraded: restError === null ? null : `REST: ${describeError(restError)}; RPC ${rpcSaid}`,
    };
  } catch (error) {
    // Both failed: say what each said, REST first (the protocol RigDeck manages).
    if (restError === null) throw error;
    throw new MinerError(
      error instanceof MinerError ? error.code : 'unreachable',
      `${describeError(restError)}; RPC: ${describeError(error)}`,
    );
  }
}
