// @vitest-environment node
// Balances: the live snapshot, live increments (every consumer adds them, docs/prohashing.md §3.3) and the REST
// wallet as the authoritative list with every figure.
import { describe, expect, it } from 'vitest';
import {
  applyIncrements,
  applyLiveSnapshot,
  applyWallet,
  emptyBalances,
  listBalances,
} from '../../../../electron/pool/prohashing/balances';
import {
  parseBalanceIncrements,
  parseBalanceSnapshot,
} from '../../../../electron/pool/prohashing/wamp-payloads';
import { poolBalanceSchema } from '../../../../shared/pool';

const T0 = 1_700_000_000_000;

describe('balances', () => {
  it('snapshot then increments add up; dust rounds to zero', () => {
    const snap = parseBalanceSnapshot({ Litecoin: 0.0421, Dogecoin: '311.7', Bogus: 'n/a' }) ?? [];
    expect(snap).toEqual([
      { coin: 'Litecoin', amount: 0.0421 },
      { coin: 'Dogecoin', amount: 311.7 },
    ]);
    let t = applyLiveSnapshot(emptyBalances, snap, T0);
    t = applyIncrements(t, parseBalanceIncrements([{ coin: 'Litecoin', balance: 0.00002 }]), T0 + 1);
    t = applyIncrements(
      t,
      parseBalanceIncrements([
        [
          { coin: 'Litecoin', balance: '0.00003' },
          { coin: 'Monero', balance: 1 },
        ],
      ]),
      T0 + 2,
    );
    const list = listBalances(t);
    expect(list.map((b) => [b.coin, b.source])).toEqual([
      ['Dogecoin', 'live'],
      ['Litecoin', 'live'],
      ['Monero', 'live'],
    ]);
    expect(list.find((b) => b.coin === 'Litecoin')?.balance).toBeCloseTo(0.04215, 12);
    const dust = listBalances(applyLiveSnapshot(emptyBalances, [{ coin: 'Litecoin', amount: 4e-9 }], T0));
    expect(dust[0]?.balance).toBe(0);
    for (const b of list) expect(poolBalanceSchema.parse(b)).toEqual(b);
  });

  it('the REST wallet is the authoritative list; live then updates only the balance', () => {
    const live = applyLiveSnapshot(emptyBalances, [{ coin: 'Dogecoin', amount: 5 }], T0);
    const rest = applyWallet(
      [
        {
          coin: 'Litecoin',
          abbreviation: 'LTC',
          balance: 0.04,
          unpaid: 0.04,
          paid24h: null,
          payoutThreshold: 1,
          total: 0.5,
          paid: 0.46,
        },
      ],
      T0 + 1,
    );
    expect([...rest.keys()]).toEqual(['Litecoin']);
    expect(live.size).toBe(1);
    const merged = applyIncrements(rest, [{ coin: 'Litecoin', amount: 0.01 }], T0 + 2);
    expect(listBalances(merged)[0]).toMatchObject({
      coin: 'Litecoin',
      abbreviation: 'LTC',
      balance: 0.05,
      payoutThreshold: 1,
      paid24h: null,
      source: 'live',
    });
    expect(applyWallet([], T0).size).toBe(0);
  });

  it('an empty snapshot ([] or {}) is no balances, a non-object is unreadable', () => {
    expect(parseBalanceSnapshot([])).toEqual([]);
    expect(parseBalanceSnapshot({})).toEqual([]);
    expect(parseBalanceSnapshot('nope')).toBeNull();
  });
});
