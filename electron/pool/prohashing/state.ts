/**
 * Everything the ProHashing service holds, and the pure step from it to the JSON-safe ProHashingState the
 * UI will see. Which worker list is shown: the live one while the live feed is synced, else walletEx's
 * (REST fallback, docs/prohashing.md §7.7) when there is one, else the last live one with its stale marks.
 */
import {
  type LiveState,
  type PoolAlgorithm,
  type PoolBlock,
  type PoolCoin,
  type PoolErrorInfo,
  type PoolGeneral,
  type PoolHealth,
  type PoolMapping,
  type PoolProfitability,
  type PoolWorker,
  type ProHashingState,
  type RestEndpoint,
  restEndpoints,
} from '../../../shared/pool';
import { type BalanceTable, emptyBalances, listBalances } from './balances';
import { type PoolError } from './errors';
import { type MappingOptions, reconcile, type RigPoolInput } from './mapping';
import { emptySessions, type SessionTable, summarizeWorkers } from './workers';

export type PoolData = {
  sessions: SessionTable;
  restWorkers: PoolWorker[] | null;
  balances: BalanceTable;
  algorithms: PoolAlgorithm[];
  coins: PoolCoin[];
  profitability: ReadonlyMap<string, PoolProfitability>;
  general: PoolGeneral | null;
  blocks: PoolBlock[];
  rigs: readonly RigPoolInput[];
  health: PoolHealth;
};

export type ViewOptions = { staleAfterMs: number; dust: number; mapping: MappingOptions };

export function emptyData(now: number): PoolData {
  const rest = Object.fromEntries(
    restEndpoints.map((e) => [e, { lastOkAt: null, failures: 0, nextAt: null, lastError: null }]),
  ) as PoolHealth['rest'];
  return {
    sessions: emptySessions,
    restWorkers: null,
    balances: emptyBalances,
    algorithms: [],
    coins: [],
    profitability: new Map(),
    general: null,
    blocks: [],
    rigs: [],
    health: {
      apiKey: 'unknown',
      live: {
        state: 'idle',
        since: now,
        lastSyncAt: null,
        reconnects: 0,
        nextRetryAt: null,
        lastError: null,
        miningFailureEvents: 0,
      },
      rest,
    },
  };
}

export function errorInfo(error: PoolError, source: RestEndpoint | 'live', at: number): PoolErrorInfo {
  return { code: error.code, message: error.message, source, at };
}

const liveSynced = (state: LiveState, lastSyncAt: number | null): boolean =>
  lastSyncAt !== null && (state === 'live' || state === 'syncing');

export function currentWorkers(data: PoolData, now: number, staleAfterMs: number): PoolWorker[] {
  const { state, lastSyncAt } = data.health.live;
  if (!liveSynced(state, lastSyncAt) && data.restWorkers !== null) return data.restWorkers;
  return summarizeWorkers(data.sessions, now, staleAfterMs).workers;
}

type Reconciled = { names: readonly string[]; mapping: MappingOptions; result: PoolMapping };
const reconciled = new WeakMap<readonly RigPoolInput[], Reconciled>();

const sameNames = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * The mapping changes only with the rigs' pool settings or the pool's worker names, while the live feed sends a
 * hashrate diff every few seconds: the last result is reused while both are the same (the rigs by identity:
 * they are replaced, never mutated).
 */
function mappingOf(rigs: readonly RigPoolInput[], names: string[], o: MappingOptions): PoolMapping {
  const last = reconciled.get(rigs);
  if (last !== undefined && last.mapping === o && sameNames(last.names, names)) return last.result;
  const result = reconcile(rigs, names, o);
  reconciled.set(rigs, { names, mapping: o, result });
  return result;
}

export function buildState(data: PoolData, now: number, o: ViewOptions): ProHashingState {
  const workers = currentWorkers(data, now, o.staleAfterMs);
  return {
    workers,
    balances: listBalances(data.balances, o.dust),
    algorithms: data.algorithms,
    coins: data.coins,
    profitability: [...data.profitability.values()].sort((a, b) =>
      a.algorithmId.localeCompare(b.algorithmId),
    ),
    general: data.general,
    blocks: data.blocks,
    mapping: mappingOf(
      data.rigs,
      workers.map((w) => w.name),
      o.mapping,
    ),
    health: data.health,
  };
}
