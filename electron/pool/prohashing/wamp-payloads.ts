/**
 * Payloads of ProHashing's live (WAMP) API parsed into plain values (docs/prohashing.md §3.2–3.7). Diffs keep
 * only the fields that are present, so merging them never erases what a diff did not mention. Items we
 * cannot read (no uuid, not an object) are dropped, never thrown: one odd event must not end the session.
 */
import { type PoolGeneral, type PoolProfitability } from '../../../shared/pool';
import { isRecord, looseBoolean, looseNumber, looseString } from './loose';

/** The fields of one stratum connection (§3.4). */
export type SessionFields = {
  worker: string | null;
  coin: string | null;
  algorithm: string | null;
  hashrateHs: number | null;
  difficulty: number | null;
  difficultyIsStatic: boolean | null;
  shareCount: number | null;
  allTimeShareCount: number | null;
  hardware: string | null;
};

/** A full miner object or a diff: `fields` holds only what the payload carried. */
export type SessionUpdate = { uuid: string; fields: Partial<SessionFields> };

type FieldReader = { [K in keyof SessionFields]: [string, (v: unknown) => SessionFields[K]] };

const READERS: FieldReader = {
  worker: ['miner_name', looseString],
  coin: ['coin_name', looseString],
  algorithm: ['algorithm_name', looseString],
  hashrateHs: ['hashrate', looseNumber],
  difficulty: ['difficulty', looseNumber],
  difficultyIsStatic: ['difficulty_is_static', looseBoolean],
  shareCount: ['share_count', looseNumber],
  allTimeShareCount: ['all_time_share_count', looseNumber],
  hardware: ['miner_hardware', looseString],
};

function readFields<K extends keyof SessionFields>(
  raw: Record<string, unknown>,
  out: Partial<SessionFields>,
  key: K,
): void {
  const [wire, read] = READERS[key];
  if (wire in raw) out[key] = read(raw[wire]);
}

export function parseSession(raw: unknown): SessionUpdate | null {
  if (!isRecord(raw)) return null;
  const uuid = looseString(raw['uuid']);
  if (uuid === null) return null;
  const fields: Partial<SessionFields> = {};
  for (const key of Object.keys(READERS) as (keyof SessionFields)[]) readFields(raw, fields, key);
  return { uuid, fields };
}

/** Flattens one level: consumers disagree whether an event carries [diff, …] or [[diff, …]] (S2 vs S4). */
function items(value: unknown): unknown[] {
  if (!Array.isArray(value)) return isRecord(value) ? [value] : [];
  return value.flatMap((v: unknown) => (Array.isArray(v) ? v : [v]));
}

/** `f_all_miner_updates` result: an array of miner objects (an object keyed by uuid is accepted too). */
export function parseMinerList(value: unknown): SessionUpdate[] | null {
  const list = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : null;
  if (list === null) return null;
  return list.map(parseSession).filter((u): u is SessionUpdate => u !== null);
}

/** `miner_update_diffs_<key>` event args. */
export function parseMinerDiffs(args: unknown): SessionUpdate[] {
  return items(args)
    .map(parseSession)
    .filter((u): u is SessionUpdate => u !== null);
}

export type BalanceEntry = { coin: string; amount: number };

/** `f_all_balance_updates` result: { "<Coin name>": balance }. */
export function parseBalanceSnapshot(value: unknown): BalanceEntry[] | null {
  if (Array.isArray(value) && value.length === 0) return [];
  if (!isRecord(value)) return null;
  const out: BalanceEntry[] = [];
  for (const [coin, raw] of Object.entries(value)) {
    const amount = looseNumber(raw);
    if (amount !== null) out.push({ coin, amount });
  }
  return out;
}

/** `balance_updates_<key>` event args: [{coin, balance}] where balance is an increment (§3.3, [I] ×3). */
export function parseBalanceIncrements(args: unknown): BalanceEntry[] {
  const out: BalanceEntry[] = [];
  for (const raw of items(args)) {
    if (!isRecord(raw)) continue;
    const coin = looseString(raw['coin']);
    const amount = looseNumber(raw['balance']);
    if (coin !== null && amount !== null) out.push({ coin, amount });
  }
  return out;
}

/** Unix seconds (float) → epoch ms. */
const secondsToMs = (v: unknown): number | null => {
  const n = looseNumber(v);
  if (n === null) return null;
  // A timestamp beyond ~1e305 s overflows to Infinity in ms, which the state schema (and JSON) cannot carry.
  const ms = Math.round(n * 1000);
  return Number.isFinite(ms) ? ms : null;
};

/** `f_all_profitability_updates` result or a `profitability_updates` event: { <algoId>: {...} } (§3.5). */
export function parseProfitability(value: unknown): PoolProfitability[] {
  const out: PoolProfitability[] = [];
  for (const map of items(value)) {
    if (!isRecord(map)) continue;
    for (const [algorithmId, raw] of Object.entries(map)) {
      if (!isRecord(raw)) continue;
      out.push({
        algorithmId,
        algorithm: looseString(raw['algorithm_name']),
        usd: looseNumber(raw['usd']),
        btc: looseNumber(raw['btc']),
        maxUsd: looseNumber(raw['max_usd']),
        maxBtc: looseNumber(raw['max_btc']),
        percentileUsd: looseNumber(raw['percentile_usd']),
        percentileBtc: looseNumber(raw['percentile_btc']),
        dataTimestamp: secondsToMs(raw['data_timestamp']),
        serverTimestamp: secondsToMs(raw['server_timestamp']),
      });
    }
  }
  return out;
}

/** `f_all_general_updates` result or a `general_updates` event (§3.6): the full state, replaced. */
export function parseGeneral(value: unknown, now: number): PoolGeneral | null {
  const raw = items(value)[0];
  if (!isRecord(raw)) return null;
  const byAlgo = raw['total_hashrate_computed_onlys'];
  const hashrateByAlgorithm: Record<string, number> = {};
  if (isRecord(byAlgo)) {
    for (const [algo, v] of Object.entries(byAlgo)) {
      const n = looseNumber(v);
      if (n !== null) hashrateByAlgorithm[algo] = n;
    }
  }
  return { subscriptionsCount: looseNumber(raw['subscriptions_count']), hashrateByAlgorithm, updatedAt: now };
}

export type RawBlock = {
  coin: string | null;
  height: number | null;
  algorithm: string | null;
  worker: string | null;
  shareDiff: number | null;
  coinbaseValue: number | null;
  valueUsd: number | null;
};

/** `found_block_updates` event args (§3.7): S8 loops over all args, others read [0]. */
export function parseFoundBlocks(args: unknown): RawBlock[] {
  const out: RawBlock[] = [];
  for (const raw of items(args)) {
    if (!isRecord(raw)) continue;
    out.push({
      coin: looseString(raw['coin_name']),
      height: looseNumber(raw['block_height']),
      algorithm: looseString(raw['algorithm']),
      worker: looseString(raw['worker_name']),
      shareDiff: looseNumber(raw['share_diff']),
      coinbaseValue: looseNumber(raw['coinbase_value']),
      valueUsd: looseNumber(raw['snapshot_value_usd']),
    });
  }
  return out;
}
