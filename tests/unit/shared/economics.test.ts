import { describe, expect, it } from 'vitest';

import { DEFAULT_EARNINGS_SETTINGS, tariffBandSchema } from '../../../shared/earnings-settings';
import {
  type Market,
  dailyAveragePrice,
  economicRates,
  joulesPerMh,
  localMinute,
  marketOf,
  poolRate,
  powerCostPerDay,
  powerPriceAt,
  priceAt,
  rigMoney,
  usdToCurrency,
} from '../../../shared/economics';
import type { PoolAlgorithm, PoolProfitability } from '../../../shared/pool';
import { settingsPatchSchema } from '../../../shared/settings';

const scrypt = (usd: number | null): PoolProfitability => ({
  algorithmId: '1',
  algorithm: 'Scrypt',
  usd,
  btc: 6.8e-7,
  maxUsd: null,
  maxBtc: null,
  percentileUsd: null,
  percentileBtc: null,
  dataTimestamp: 1_700_000_000_000,
  serverTimestamp: null,
});
const status = (pplnsFee: number | null): PoolAlgorithm => ({
  key: 'scrypt',
  name: 'scrypt',
  port: 3333,
  ppsFee: 0.0399,
  pplnsFee,
  soloFee: null,
  mbtcMhFactor: 1,
  estimateCurrent: null,
  estimateLast24h: null,
  actualLast24h: null,
  hashrateHs: null,
  hashrateLast24hHs: null,
});
const settings = (
  pricePerKwh: number,
  currency = 'USD',
  extra: Partial<typeof DEFAULT_EARNINGS_SETTINGS> = {},
) => ({
  electricity: { pricePerKwh, currency },
  earnings: { ...DEFAULT_EARNINGS_SETTINGS, ...extra },
});
const night = { from: '22:00', to: '06:00', pricePerKwh: 0.05 };
const peak = { from: '17:00', to: '20:00', pricePerKwh: 0.3 };

describe('tariff', () => {
  const tariff = { flatPricePerKwh: 0.1, bands: [night, peak] };

  it('charges each band from its start (inclusive) to its end (exclusive), across midnight, else the flat price', () => {
    expect(priceAt(tariff, 22 * 60 - 1)).toBe(0.1);
    expect(priceAt(tariff, 22 * 60)).toBe(0.05);
    expect(priceAt(tariff, 0)).toBe(0.05);
    expect(priceAt(tariff, 6 * 60 - 1)).toBe(0.05);
    expect(priceAt(tariff, 6 * 60)).toBe(0.1);
    expect(priceAt(tariff, 17 * 60)).toBe(0.3);
    expect(priceAt(tariff, 20 * 60)).toBe(0.1);
    // Minutes outside one day wrap.
    expect(priceAt(tariff, 24 * 60 + 17 * 60)).toBe(0.3);
    expect(priceAt(tariff, -1)).toBe(0.05);
  });

  it('lets the first band win where bands overlap', () => {
    const overlapping = {
      flatPricePerKwh: 0.1,
      bands: [peak, { from: '18:00', to: '19:00', pricePerKwh: 9 }],
    };
    expect(priceAt(overlapping, 18 * 60 + 30)).toBe(0.3);
  });

  it('averages the day minute by minute: 8 h night, 3 h peak, 13 h flat', () => {
    expect(dailyAveragePrice(tariff)).toBeCloseTo((8 * 0.05 + 3 * 0.3 + 13 * 0.1) / 24, 12);
    expect(dailyAveragePrice({ flatPricePerKwh: 0.12, bands: [] })).toBe(0.12);
  });

  it('costs a rig its kWh per day at the day’s average price', () => {
    // 3,000 W × 24 h = 72 kWh.
    expect(powerCostPerDay(3000, { flatPricePerKwh: 0.1, bands: [] })).toBeCloseTo(7.2, 12);
    expect(powerCostPerDay(3000, tariff)).toBeCloseTo(72 * ((8 * 0.05 + 3 * 0.3 + 13 * 0.1) / 24), 9);
    expect(powerCostPerDay(0, tariff)).toBe(0);
    expect(powerCostPerDay(null, tariff)).toBeNull();
  });

  it('has no price (and so no cost) where nothing prices a minute', () => {
    const gappy = { flatPricePerKwh: null, bands: [night] };
    expect(priceAt(gappy, 12 * 60)).toBeNull();
    expect(priceAt(gappy, 23 * 60)).toBe(0.05);
    expect(dailyAveragePrice(gappy)).toBeNull();
    expect(powerCostPerDay(3000, gappy)).toBeNull();
  });

  it('says whether the price now comes from a band, in the electricity currency', () => {
    const s = settings(0.1, 'EUR', { tariff: [night] });
    expect(powerPriceAt(s, 23 * 60)).toEqual({ pricePerKwh: 0.05, currency: 'EUR', fromTariffBand: true });
    expect(powerPriceAt(s, 12 * 60)).toEqual({ pricePerKwh: 0.1, currency: 'EUR', fromTariffBand: false });
  });

  it('refuses a band that is malformed, empty or negative', () => {
    expect(tariffBandSchema.safeParse(night).success).toBe(true);
    for (const bad of [
      { ...night, from: '24:00' },
      { ...night, to: '7:00' },
      { ...night, to: night.from },
      { ...night, pricePerKwh: -1 },
    ])
      expect(tariffBandSchema.safeParse(bad).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ earnings: { tariff: [night], usdRate: 0.92 } }).success).toBe(
      true,
    );
    expect(settingsPatchSchema.safeParse({ earnings: { usdRate: 0 } }).success).toBe(false);
  });

  it('finds the local minute of an instant from its UTC offset', () => {
    const t = Date.UTC(2026, 11, 2, 23, 30);
    expect(localMinute(t, 0)).toBe(23 * 60 + 30);
    expect(localMinute(t, 60)).toBe(30);
    expect(localMinute(t, -300)).toBe(18 * 60 + 30);
  });
});

describe('pool rate', () => {
  it('is the live profitability in USD per MH/s per day, less the PPLNS fee', () => {
    const r = poolRate({ profitability: [scrypt(0.0025)], algorithms: [status(0.02)] });
    expect(r?.usdPerMhDay).toBeCloseTo(0.0025 * 0.98, 12);
    expect(r?.fee).toBe(0.02);
    expect(r?.asOfMs).toBe(1_700_000_000_000);
  });

  it('takes no fee off when the pool states none, and has no rate without a Scrypt figure', () => {
    expect(poolRate({ profitability: [scrypt(0.0025)], algorithms: [] })?.usdPerMhDay).toBe(0.0025);
    expect(poolRate({ profitability: [scrypt(null)], algorithms: [] })).toBeNull();
    expect(poolRate({ profitability: [], algorithms: [status(0.02)] })).toBeNull();
  });
});

describe('currency', () => {
  it('converts US dollars 1:1 to USD, by the set rate otherwise, and not at all without one', () => {
    expect(usdToCurrency('USD', null)).toBe(1);
    expect(usdToCurrency('USD', 0.9)).toBe(1);
    expect(usdToCurrency('EUR', 0.9)).toBe(0.9);
    expect(usdToCurrency('EUR', null)).toBeNull();
  });
});

describe('a rig’s day', () => {
  const pool = { profitability: [scrypt(0.0025)], algorithms: [status(0)] };

  it('earns its credited MH/s at the rate, pays its power at the tariff, and keeps the difference', () => {
    const m = marketOf(pool, settings(0.1));
    const day = rigMoney({ creditedMhs: 9500, powerW: 3425 }, m);
    expect(day.revenuePerDay).toBeCloseTo(23.75, 9);
    expect(day.powerCostPerDay).toBeCloseTo(8.22, 9);
    expect(day.profitPerDay).toBeCloseTo(23.75 - 8.22, 9);
    expect(day.gaps).toEqual([]);
  });

  it('earns nothing at zero hashrate but still pays for power, so it loses money', () => {
    const day = rigMoney({ creditedMhs: 0, powerW: 120 }, marketOf(pool, settings(0.1)));
    expect(day.revenuePerDay).toBe(0);
    expect(day.profitPerDay).toBeCloseTo(-0.288, 9);
    expect(joulesPerMh(120, 0)).toBeNull();
    expect(joulesPerMh(3425, 9500)).toBeCloseTo(0.3605, 4);
  });

  it('has no profit, and says why, when the price, the rate, the power or the hashrate is missing', () => {
    const noPrice: Market = {
      ...marketOf(pool, settings(0.1)),
      tariff: { flatPricePerKwh: null, bands: [] },
    };
    expect(rigMoney({ creditedMhs: 9500, powerW: 3425 }, noPrice)).toMatchObject({
      powerCostPerDay: null,
      profitPerDay: null,
      gaps: ['no_price'],
    });
    const noRate = marketOf({ profitability: [], algorithms: [] }, settings(0.1));
    expect(rigMoney({ creditedMhs: 9500, powerW: 3425 }, noRate)).toMatchObject({
      revenuePerDay: null,
      profitPerDay: null,
      gaps: ['no_pool_rate'],
    });
    expect(rigMoney({ creditedMhs: null, powerW: null }, marketOf(pool, settings(0.1))).gaps).toEqual([
      'no_hashrate',
      'no_power',
    ]);
  });

  it('prices revenue in the electricity currency, and refuses to mix currencies without a rate', () => {
    const eur = rigMoney(
      { creditedMhs: 1000, powerW: 1000 },
      marketOf(pool, settings(0.2, 'EUR', { usdRate: 0.9 })),
    );
    expect(eur.revenuePerDay).toBeCloseTo(2.5 * 0.9, 12);
    expect(eur.powerCostPerDay).toBeCloseTo(4.8, 12);
    const unknown = rigMoney({ creditedMhs: 1000, powerW: 1000 }, marketOf(pool, settings(0.2, 'EUR')));
    expect(unknown).toMatchObject({ revenuePerDay: null, profitPerDay: null });
    expect(unknown.powerCostPerDay).toBeCloseTo(4.8, 12);
    expect(unknown.gaps).toEqual(['no_exchange_rate']);
  });

  it('gives the advice engine revenue per MH/s per day and the power price at a minute', () => {
    const r = economicRates(pool, settings(0.1, 'USD', { tariff: [peak] }), 18 * 60);
    expect(r.revenuePerMhDay).toBeCloseTo(0.0025, 12);
    expect(r.pricePerKwhNow).toBe(0.3);
    expect(r.pricePerKwhDay).toBeCloseTo((3 * 0.3 + 21 * 0.1) / 24, 12);
    expect(r.currency).toBe('USD');
  });
});
