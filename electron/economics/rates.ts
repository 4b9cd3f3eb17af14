/**
 * The economic rates at this moment, for the advice engine and the Earnings page: the pool state and the clock
 * filled in around the pure `economicRates` (shared/economics.ts). The tariff is in the farm's local time, which
 * is this machine's time zone.
 */
import {
  type EarningsSettingsSlice,
  type EconomicRates,
  economicRates,
  localMinute,
} from '../../shared/economics';
import type { ProHashingState } from '../../shared/pool';

/** The local minute of the day at an instant, in this machine's time zone (DST included). */
export function localMinuteAt(atMs: number): number {
  return localMinute(atMs, -new Date(atMs).getTimezoneOffset());
}

/** Revenue per MH/s per day and the power price now, in the electricity currency (docs/prohashing.md §10). */
export function economicRatesNow(
  pool: Pick<ProHashingState, 'profitability' | 'algorithms'>,
  settings: EarningsSettingsSlice,
  atMs: number,
): EconomicRates {
  return economicRates(pool, settings, localMinuteAt(atMs));
}
