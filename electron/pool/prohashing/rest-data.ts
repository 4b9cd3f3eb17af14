/**
 * The `data` of each REST endpoint, parsed into RigDeck's domain types (shared/pool.ts). Field names are
 * docs/prohashing.md §2.2–2.5; every number goes through looseNumber (numeric strings, nulls) and a missing field
 * reads as null. An entry that is not an object is skipped; a `data` of the wrong overall shape is a bad_reply.
 */
import { type PoolAlgorithm, type PoolCoin, type RestEndpoint } from '../../../shared/pool';
import { PoolError } from './errors';
import { isRecord, looseBoolean, looseNumber, loosePort, looseString } from './loose';

/** One coin of `wallet` / `walletEx` balances. */
export type WalletBalance = {
  coin: string;
  abbreviation: string | null;
  balance: number;
  unpaid: number | null;
  paid24h: number | null;
  payoutThreshold: number | null;
  total: number | null;
  paid: number | null;
};

/** One `walletEx` miner row (docs/prohashing.md §2.3): no uuid, so rows are grouped by `ID` (the n= name). */
export type RestMiner = {
  worker: string;
  algorithm: string | null;
  coin: string | null;
  /** Hashrate from accepted shares, H/s ([I] unit). */
  acceptedHs: number | null;
  difficulty: number | null;
  minRestartDelaySec: number | null;
  workRestartPenalty: number | null;
};

export type WalletEx = { miners: RestMiner[]; balances: WalletBalance[] | null };

function bad(endpoint: RestEndpoint, what: string): PoolError {
  return new PoolError('bad_reply', `ProHashing ${endpoint}: ${what}`);
}

/** A keyed map; PHP-style APIs send an empty map as [] (docs/prohashing.md §2.2: balances can be empty). */
function keyed(endpoint: RestEndpoint, value: unknown, what: string): [string, unknown][] {
  if (Array.isArray(value) && value.length === 0) return [];
  if (!isRecord(value)) throw bad(endpoint, `${what} is not an object`);
  return Object.entries(value);
}

function parseBalances(endpoint: RestEndpoint, value: unknown): WalletBalance[] {
  const out: WalletBalance[] = [];
  for (const [key, e] of keyed(endpoint, value, 'balances')) {
    if (!isRecord(e)) continue;
    out.push({
      // The map key may be the symbol or the name (GAP, §2.2); the entry's own name is what live balances use.
      coin: looseString(e['name']) ?? key,
      abbreviation: looseString(e['abbreviation']),
      // S10 reads a null balance as 0; a coin listed with no balance has nothing to pay.
      balance: looseNumber(e['balance']) ?? 0,
      unpaid: looseNumber(e['unpaid']),
      paid24h: looseNumber(e['paid24h']),
      payoutThreshold: looseNumber(e['payoutThreshold']),
      total: looseNumber(e['total']),
      paid: looseNumber(e['paid']),
    });
  }
  return out.sort((a, b) => a.coin.localeCompare(b.coin));
}

export function parseWallet(data: unknown): WalletBalance[] {
  if (!isRecord(data)) throw bad('wallet', 'data is not an object');
  return parseBalances('wallet', data['balances'] ?? {});
}

export function parseWalletEx(data: unknown): WalletEx {
  if (!isRecord(data)) throw bad('walletEx', 'data is not an object');
  const rawMiners = data['miners'] ?? [];
  const list = Array.isArray(rawMiners) ? rawMiners : isRecord(rawMiners) ? Object.values(rawMiners) : null;
  if (list === null) throw bad('walletEx', 'miners is not a list');
  const miners: RestMiner[] = [];
  for (const m of list) {
    const worker = isRecord(m) ? looseString(m['ID']) : null;
    if (!isRecord(m) || worker === null) continue;
    miners.push({
      worker,
      algorithm: looseString(m['algo']),
      coin: looseString(m['coin']),
      acceptedHs: looseNumber(m['accepted']),
      difficulty: looseNumber(m['difficulty']),
      minRestartDelaySec: looseNumber(m['minRestartDelay']),
      workRestartPenalty: looseNumber(m['workRestartPenalty']),
    });
  }
  // Whether walletEx also carries balances is a GAP (§2.3): read them when present.
  const balances = 'balances' in data ? parseBalances('walletEx', data['balances']) : null;
  return { miners, balances };
}

export function parseStatus(data: unknown): PoolAlgorithm[] {
  const out: PoolAlgorithm[] = [];
  for (const [key, a] of keyed('status', data, 'data')) {
    if (!isRecord(a)) continue;
    out.push({
      // Keys are lower-case algorithm names (S16); `name` lower-cased is the a= value.
      key,
      name: looseString(a['name']) ?? key,
      port: loosePort(a['port']),
      ppsFee: looseNumber(a['pps_fee']),
      pplnsFee: looseNumber(a['pplns_fee']),
      soloFee: looseNumber(a['solo_fee']),
      mbtcMhFactor: looseNumber(a['mbtc_mh_factor']),
      estimateCurrent: looseNumber(a['estimate_current']),
      estimateLast24h: looseNumber(a['estimate_last24h']),
      actualLast24h: looseNumber(a['actual_last24h']),
      hashrateHs: looseNumber(a['hashrate']),
      hashrateLast24hHs: looseNumber(a['hashrate_last24h']),
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export function parseCurrencies(data: unknown): PoolCoin[] {
  const out: PoolCoin[] = [];
  for (const [key, c] of keyed('currencies', data, 'data')) {
    if (!isRecord(c)) continue;
    out.push({
      key,
      name: looseString(c['name']) ?? key,
      abbreviation: looseString(c['abbreviation']),
      algorithm: looseString(c['algo']),
      port: loosePort(c['port']),
      // Consumers skip coins flagged disabled; a missing flag is not a "disabled".
      enabled: looseBoolean(c['enabled']) ?? true,
      height: looseNumber(c['height']),
      lastBlock: looseNumber(c['lastblock']),
      secondsSinceLastBlock: looseNumber(c['timesincelast']),
      blocks24h: looseNumber(c['24h_blocks']),
      hashrateHs: looseNumber(c['hashrate']),
      workers: looseNumber(c['workers']),
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
