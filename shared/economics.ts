/**
 * The money side of a rig, pure: what a MH/s earns per day by the pool's own figures, what a kWh costs at a given
 * minute under the tariff, and from those a rig's revenue, power cost and profit per day. Every amount is in the
 * electricity currency; the pool prices in US dollars, so a rate converts them (docs/prohashing.md §10).
 */
import type { EarningsSettings, TariffBand } from './earnings-settings';
import type { PoolAlgorithm, PoolProfitability } from './pool';
import type { Settings } from './settings';

export const MINUTES_PER_DAY = 24 * 60;

/** "07:30" → 450. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function inBand(band: TariffBand, minute: number): boolean {
  const from = minuteOfDay(band.from);
  const to = minuteOfDay(band.to);
  // A band whose end is before its start runs past midnight (22:00–06:00).
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

export type Tariff = { flatPricePerKwh: number | null; bands: readonly TariffBand[] };

export function tariffOf(settings: EarningsSettingsSlice): Tariff {
  return { flatPricePerKwh: settings.electricity.pricePerKwh, bands: settings.earnings.tariff };
}

/** The price of a kWh at a minute of the local day: the first band that contains it, else the flat price. */
export function priceAt(tariff: Tariff, minute: number): number | null {
  const m = ((Math.floor(minute) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  for (const band of tariff.bands) if (inBand(band, m)) return band.pricePerKwh;
  return tariff.flatPricePerKwh;
}

/**
 * The price a rig running around the clock pays per kWh on average: each minute of the day at its own price.
 * Null when some minute has no price (no flat price and bands that leave gaps).
 */
export function dailyAveragePrice(tariff: Tariff): number | null {
  if (tariff.bands.length === 0) return tariff.flatPricePerKwh;
  let sum = 0;
  for (let m = 0; m < MINUTES_PER_DAY; m++) {
    const p = priceAt(tariff, m);
    if (p === null) return null;
    sum += p;
  }
  return sum / MINUTES_PER_DAY;
}

/** Power cost of a day at a constant draw: kWh per day × the day's average price. */
export function powerCostPerDay(powerW: number | null, tariff: Tariff): number | null {
  const price = dailyAveragePrice(tariff);
  if (powerW === null || !Number.isFinite(powerW) || powerW < 0 || price === null) return null;
  return (powerW / 1000) * 24 * price;
}

/** Joules per MH: W ÷ MH/s. Null without a positive hashrate (a stopped rig has no efficiency). */
export function joulesPerMh(powerW: number | null, hashrateMhs: number | null): number | null {
  if (powerW === null || hashrateMhs === null || !(hashrateMhs > 0) || !Number.isFinite(powerW)) return null;
  return powerW / hashrateMhs;
}

export type RateSource = 'live-profitability';

/** What one MH/s earns per day, in US dollars, by the pool's figures, after the pool's fee. */
export type PoolRate = {
  usdPerMhDay: number;
  /** The fee taken off the pool's figure (a fraction), or 0 when the pool did not say. */
  fee: number;
  source: RateSource;
  /** When the pool computed it (epoch ms), if it said. */
  asOfMs: number | null;
};

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The pool's revenue per MH/s per day for an algorithm (docs/prohashing.md §10.1): the live profitability
 * figure in US dollars, less the PPLNS fee from `status` when it reports one. Null when the pool has not said.
 */
export function poolRate(
  pool: { profitability: readonly PoolProfitability[]; algorithms: readonly PoolAlgorithm[] },
  algorithm = 'scrypt',
): PoolRate | null {
  const p = pool.profitability.find((x) => same(x.algorithm, algorithm));
  if (!p || p.usd === null || !Number.isFinite(p.usd) || p.usd < 0) return null;
  const a = pool.algorithms.find((x) => same(x.key, algorithm) || same(x.name, algorithm));
  const fee =
    a?.pplnsFee !== null && a?.pplnsFee !== undefined && a.pplnsFee >= 0 && a.pplnsFee < 1 ? a.pplnsFee : 0;
  return { usdPerMhDay: p.usd * (1 - fee), fee, source: 'live-profitability', asOfMs: p.dataTimestamp };
}

/**
 * Units of `currency` per US dollar: 1 for USD, else the configured rate; null when the money cannot be
 * compared (revenue in USD, power in another currency, no rate set).
 */
export function usdToCurrency(currency: string, usdRate: number | null): number | null {
  if (currency === 'USD') return 1;
  return usdRate !== null && usdRate > 0 ? usdRate : null;
}

/** Why a money figure is missing, for the UI to say instead of showing a blank. */
export type MoneyGap = 'no_pool_rate' | 'no_exchange_rate' | 'no_hashrate' | 'no_power' | 'no_price';

export type RigMoneyInput = {
  /** The hashrate the pool credits (MH/s); the rig's own when the pool has no figure for it. */
  creditedMhs: number | null;
  powerW: number | null;
};

export type RigMoney = {
  revenuePerDay: number | null;
  powerCostPerDay: number | null;
  profitPerDay: number | null;
  gaps: MoneyGap[];
};

export type Market = {
  rate: PoolRate | null;
  tariff: Tariff;
  currency: string;
  /** Units of `currency` per US dollar (usdToCurrency). */
  fx: number | null;
};

export function marketOf(
  pool: { profitability: readonly PoolProfitability[]; algorithms: readonly PoolAlgorithm[] },
  settings: EarningsSettingsSlice,
): Market {
  const currency = settings.electricity.currency;
  return {
    rate: poolRate(pool),
    tariff: tariffOf(settings),
    currency,
    fx: usdToCurrency(currency, settings.earnings.usdRate),
  };
}

/** Revenue per MH/s per day in the electricity currency; null when the pool gave no rate or it cannot convert. */
export function revenuePerMhDay(market: Market): number | null {
  return market.rate === null || market.fx === null ? null : market.rate.usdPerMhDay * market.fx;
}

/** One rig's (or the fleet's) day: revenue at the pool's rate, power at the tariff, and what is left. */
export function rigMoney(input: RigMoneyInput, market: Market): RigMoney {
  const gaps: MoneyGap[] = [];
  const perMh = revenuePerMhDay(market);
  if (market.rate === null) gaps.push('no_pool_rate');
  else if (market.fx === null) gaps.push('no_exchange_rate');
  const mhs = input.creditedMhs;
  if (mhs === null || !Number.isFinite(mhs)) gaps.push('no_hashrate');
  const revenue = perMh === null || mhs === null || !Number.isFinite(mhs) ? null : Math.max(0, mhs) * perMh;
  if (input.powerW === null) gaps.push('no_power');
  if (dailyAveragePrice(market.tariff) === null) gaps.push('no_price');
  const cost = powerCostPerDay(input.powerW, market.tariff);
  return {
    revenuePerDay: revenue,
    powerCostPerDay: cost,
    profitPerDay: revenue === null || cost === null ? null : revenue - cost,
    gaps,
  };
}

export type PowerPriceNow = { pricePerKwh: number | null; currency: string; fromTariffBand: boolean };

/** The price of a kWh right now (a minute of the local day), for advice that weighs power against revenue. */
export function powerPriceAt(settings: EarningsSettingsSlice, minute: number): PowerPriceNow {
  const tariff = tariffOf(settings);
  const price = priceAt(tariff, minute);
  const m = ((Math.floor(minute) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return {
    pricePerKwh: price,
    currency: settings.electricity.currency,
    fromTariffBand: tariff.bands.some((b) => inBand(b, m)),
  };
}

/** The local minute of the day of an instant, given the local offset from UTC in minutes (east positive). */
export function localMinute(atMs: number, utcOffsetMin: number): number {
  const m = Math.floor(atMs / 60_000) + utcOffsetMin;
  return ((m % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

export type EconomicRates = {
  /** What one MH/s credited by the pool earns per day, in `currency`, after the pool fee. */
  revenuePerMhDay: number | null;
  /** The price of a kWh at this minute (tariff band or flat price), in `currency`. */
  pricePerKwhNow: number | null;
  /** The day's average price of a kWh under the tariff (what a rig running all day pays). */
  pricePerKwhDay: number | null;
  currency: string;
  rate: PoolRate | null;
};

/**
 * The two numbers advice needs to weigh a change, at one local minute: revenue per MH/s per day and the power
 * price now (plus the day's average). The core's `economicRatesNow` fills in the pool state and the clock.
 */
export function economicRates(
  pool: { profitability: readonly PoolProfitability[]; algorithms: readonly PoolAlgorithm[] },
  settings: EarningsSettingsSlice,
  minute: number,
): EconomicRates {
  const market = marketOf(pool, settings);
  return {
    revenuePerMhDay: revenuePerMhDay(market),
    pricePerKwhNow: priceAt(market.tariff, minute),
    pricePerKwhDay: dailyAveragePrice(market.tariff),
    currency: market.currency,
    rate: market.rate,
  };
}

export type EarningsSettingsSlice = { electricity: Settings['electricity']; earnings: EarningsSettings };
