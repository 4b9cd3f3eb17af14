/**
 * Account balances per payout coin, as pure functions over a table keyed by coin name ("Litecoin": the key
 * live balances use; REST entries carry the same `name`). Three inputs, applied in arrival order:
 * - REST `wallet`: the authoritative list of coins with every figure (balance, unpaid, paid24h, threshold…);
 *   a coin it no longer lists is gone (an empty `balances` once everything is paid, docs/prohashing.md §2.2);
 * - live `f_all_balance_updates`: sets `balance` for the coins it lists, keeps REST's other figures;
 * - live `balance_updates_<key>`: adds increments to `balance` (every consumer adds, §3.3; [I] ×3).
 * Whichever spoke last owns `balance`; the live feed is fresher, the next REST poll re-anchors it.
 */
import { type PoolBalance } from '../../../shared/pool';
import { type WalletBalance } from './rest-data';
import { type BalanceEntry } from './wamp-payloads';

export type BalanceTable = ReadonlyMap<string, PoolBalance>;

export const emptyBalances: BalanceTable = new Map();

/** S2 treats balances below 1e-8 as zero ("prohashing's threshold", [I]); a setting, this is its default. */
export const DEFAULT_DUST = 1e-8;

const blank = (coin: string, now: number): PoolBalance => ({
  coin,
  abbreviation: null,
  balance: 0,
  unpaid: null,
  paid24h: null,
  payoutThreshold: null,
  total: null,
  paid: null,
  updatedAt: now,
  source: 'live',
});

export function applyWallet(wallet: readonly WalletBalance[], now: number): BalanceTable {
  return new Map(wallet.map((w) => [w.coin, { ...w, updatedAt: now, source: 'rest' }]));
}

export function applyLiveSnapshot(
  table: BalanceTable,
  entries: readonly BalanceEntry[],
  now: number,
): BalanceTable {
  const next = new Map(table);
  for (const e of entries) {
    const base = next.get(e.coin) ?? blank(e.coin, now);
    next.set(e.coin, { ...base, balance: e.amount, updatedAt: now, source: 'live' });
  }
  return next;
}

export function applyIncrements(
  table: BalanceTable,
  entries: readonly BalanceEntry[],
  now: number,
): BalanceTable {
  if (entries.length === 0) return table;
  const next = new Map(table);
  for (const e of entries) {
    const base = next.get(e.coin) ?? blank(e.coin, now);
    const balance = base.balance + e.amount;
    // Two absurd increments can overflow to ±Infinity, which no view or JSON can carry: such a one is dropped.
    if (!Number.isFinite(balance)) continue;
    next.set(e.coin, { ...base, balance, updatedAt: now, source: 'live' });
  }
  return next;
}

const clean = (v: number, dust: number): number => (Math.abs(v) < dust ? 0 : v);

/** The table as a sorted list, with float dust from many small increments rounded to zero. */
export function listBalances(table: BalanceTable, dust = DEFAULT_DUST): PoolBalance[] {
  return [...table.values()]
    .map((b) => ({ ...b, balance: clean(b.balance, dust) }))
    .sort((a, b) => a.coin.localeCompare(b.coin));
}
