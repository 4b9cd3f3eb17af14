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

export async function pollEntry(
  rigId: string,
  entry: RigEntry,
  deps: PollDeps,
  options: ReadOptions,
): Promise<PollOutcome> {
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
      };
    } catch (error) {
      if (!shouldTryRpc(error, target)) throw error;
      restError = error;
    }
  }
  if (target.rpcPort === null) throw new MinerError('unreachable', `${target.host}: no RPC port to ask`);
  try {
    const snapshot = await readRpc(target.host, target.rpcPort, options);
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
