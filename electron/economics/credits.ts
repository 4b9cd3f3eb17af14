/**
 * What the account was credited over a window, pure, from stored balance samples. On PPLNS the balance grows
 * only when the pool finds a block (docs/prohashing.md §5), and a payout empties it: so each step counts the
 * rise of the balance plus what was paid in between, and a step that went down with nothing paid (a reset, a
 * source switching between live and REST) counts as nothing rather than as a negative credit.
 */
import type { CoinAmount } from '../../shared/earnings';
import type { BalanceRow } from '../store/pool-history-read';

export type Credited = { amounts: CoinAmount[]; hours: number };

export function creditedOver(
  rows: readonly BalanceRow[],
  abbreviationOf: (coin: string) => string | null,
): Credited {
  const byCoin = new Map<string, BalanceRow[]>();
  for (const r of rows) {
    const list = byCoin.get(r.coin);
    if (list) list.push(r);
    else byCoin.set(r.coin, [r]);
  }
  let firstS = Infinity;
  let lastS = -Infinity;
  const amounts: CoinAmount[] = [];
  for (const [coin, list] of byCoin) {
    // One sample says nothing about what arrived: no figure rather than a misleading zero.
    if (list.length < 2) continue;
    list.sort((a, b) => a.atS - b.atS);
    let amount = 0;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (!a || !b) continue;
      const paid = a.paid !== null && b.paid !== null ? Math.max(0, b.paid - a.paid) : 0;
      amount += Math.max(0, b.balance - a.balance + paid);
    }
    const first = list[0];
    const last = list.at(-1);
    if (first && last) {
      firstS = Math.min(firstS, first.atS);
      lastS = Math.max(lastS, last.atS);
    }
    amounts.push({ coin, abbreviation: abbreviationOf(coin), amount });
  }
  amounts.sort((a, b) => a.coin.localeCompare(b.coin));
  return { amounts, hours: lastS > firstS ? (lastS - firstS) / 3600 : 0 };
}
