import { describe, expect, it } from 'vitest';

import { creditedOver } from '../../../../electron/economics/credits';
import { poolSettled } from '../../../../electron/economics/handlers';
import { buildEarnings } from '../../../../electron/economics/summary';
import { emptyPoolState } from '../../../../electron/pool/switchable-feed';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { T, live, poolState, rig } from './fixtures';

describe('credited over a window', () => {
  it('adds the rises of the balance and what was paid, so a payout is not a loss, and ignores falls', () => {
    const c = creditedOver(
      [
        { coin: 'Litecoin', atS: 0, balance: 0.5, paid: 2 },
        { coin: 'Litecoin', atS: 3600, balance: 0.9, paid: 2 },
        // A block's credit took it over the threshold: 1.05 paid, 0 left.
        { coin: 'Litecoin', atS: 7200, balance: 0, paid: 3.05 },
        { coin: 'Dogecoin', atS: 0, balance: 100, paid: null },
        { coin: 'Dogecoin', atS: 3600, balance: 40, paid: null },
        { coin: 'Dogecoin', atS: 7200, balance: 90, paid: null },
      ],
      (coin) => (coin === 'Litecoin' ? 'LTC' : null),
    );
    expect(c.hours).toBe(2);
    expect(c.amounts).toEqual([
      { coin: 'Dogecoin', abbreviation: null, amount: 50 },
      { coin: 'Litecoin', abbreviation: 'LTC', amount: expect.closeTo(0.4 + 0.15, 12) },
    ]);
    expect(creditedOver([], () => null)).toEqual({ amounts: [], hours: 0 });
    const one = [{ coin: 'Litecoin', atS: 0, balance: 0.5, paid: 2 }];
    expect(creditedOver(one, () => 'LTC')).toEqual({ amounts: [], hours: 0 });
  });
});

describe('the earnings summary', () => {
  const input = {
    atMs: T,
    minute: 12 * 60,
    rigs: [rig('a', '10.0.0.1'), rig('b', '10.0.0.2'), rig('c', '10.0.0.3'), rig('d', '10.0.0.4')],
    lives: [
      live('a', 9500, 3400),
      live('b', 0, 150),
      live('c', 9400, 3380),
      live('d', 9300, 3300, 'offline'),
    ],
    pool: poolState(),
    configured: true,
    settings: DEFAULT_SETTINGS,
    credited: { amounts: [{ coin: 'Litecoin', abbreviation: 'LTC', amount: 0.21 }], hours: 24 },
  };

  it('prices each rig on the hashrate the pool credits, and a rig the pool does not see at nothing', () => {
    const s = buildEarnings(input);
    const [a, b, c, d] = s.rigs;
    expect(a).toMatchObject({
      poolHashrateMhs: 9000,
      hashrateMhs: 9500,
      revenueBasis: 'pool',
      workerName: 'w-a',
    });
    expect(a?.revenuePerDay).toBeCloseTo(18, 9);
    expect(a?.powerCostPerDay).toBeCloseTo(8.16, 9);
    expect(a?.profitPerDay).toBeCloseTo(9.84, 9);
    expect(a?.accountShare).toBeCloseTo(9000 / 10500, 12);
    expect(a?.credited24h[0]?.amount).toBeCloseTo(0.21 * (9000 / 10500), 12);
    expect(b?.jPerMh).toBeNull();
    expect(c).toMatchObject({
      workerName: 'w-typo',
      revenuePerDay: 0,
      revenueBasis: 'pool',
      accountShare: 0,
    });
    expect(c?.profitPerDay).toBeCloseTo(-3.38 * 24 * 0.1, 9);
    // Offline: neither its hashrate nor its power is current, so it is not priced.
    expect(d).toMatchObject({ hashrateMhs: null, powerW: null, profitPerDay: null, revenueBasis: null });
  });

  it('sums the fleet over what is known and lists the mismatches both ways', () => {
    const s = buildEarnings(input);
    expect(s.currency).toBe('USD');
    expect(s.fleet).toMatchObject({ rigs: 4, rigsPriced: 3, hashrateMhs: 18_900, powerW: 6930 });
    expect(s.fleet.poolHashrateMhs).toBe(10_000);
    expect(s.fleet.revenuePerDay).toBeCloseTo(20, 9);
    expect(s.fleet.profitPerDay).toBeCloseTo(20 - 6.93 * 2.4, 9);
    expect(s.mismatches.workersWithoutRig).toEqual(['stray']);
    expect(s.mismatches.rigsWithoutWorker).toEqual([
      { rigId: 'c', name: 'rig-c', worker: 'w-typo', reason: 'unknown_worker' },
      { rigId: 'd', name: 'rig-d', worker: null, reason: 'no_worker_name' },
    ]);
    expect(s.workers.map((w) => [w.worker, w.rigName, w.rigHashrateMhs])).toEqual([
      ['stray', null, null],
      ['w-a', 'rig-a', 9500],
      ['w-b', 'rig-b', 0],
    ]);
    expect(s.balances[0]?.progress).toBe(0.25);
    expect(s.rates.revenuePerMhDay).toBeCloseTo(0.002, 12);
    expect(s.rates.pricePerKwhNow).toBe(0.1);
  });

  it('prices nothing without the pool’s rate, yet still costs the power', () => {
    const s = buildEarnings({ ...input, pool: { ...input.pool, profitability: [] } });
    expect(s.fleet.revenuePerDay).toBeNull();
    expect(s.fleet.profitPerDay).toBeNull();
    expect(s.fleet.powerCostPerDay).toBeCloseTo(6.93 * 2.4, 9);
    expect(s.rigs[0]?.gaps).toContain('no_pool_rate');
  });

  it('waits for the pool until the live sync, the wallet and the status have answered, or the key was refused', () => {
    const s = emptyPoolState(T);
    expect(poolSettled(s)).toBe(false);
    const synced = { ...s, health: { ...s.health, live: { ...s.health.live, lastSyncAt: T } } };
    expect(poolSettled(synced)).toBe(false);
    const wallet = { ...synced.health.rest.wallet, lastOkAt: T };
    const walletOnly = { ...synced, health: { ...synced.health, rest: { ...synced.health.rest, wallet } } };
    expect(poolSettled(walletOnly)).toBe(false);
    // A failed status (the fee) counts as answered: Earnings shows what it has rather than wait for ever.
    const rest = { ...walletOnly.health.rest, status: { ...synced.health.rest.status, failures: 1 } };
    expect(poolSettled({ ...walletOnly, health: { ...walletOnly.health, rest } })).toBe(true);
    expect(poolSettled({ ...s, health: { ...s.health, apiKey: 'invalid' } })).toBe(true);
  });
});
