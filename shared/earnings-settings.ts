/**
 * What turns pool revenue and power into money beyond the flat price per kWh: an optional time-of-day tariff
 * (bands that override the flat price between two local times) and the exchange rate from the pool's US dollars
 * to the electricity currency. The flat price and its currency stay in `electricity` (settings.ts).
 */
import { z } from 'zod';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const time = z
  .string({ error: 'A time must look like 07:00.' })
  .regex(HHMM, 'A time must look like 07:00 (24-hour clock).');

export const tariffBandSchema = z
  .object({
    /** Local time the band starts (inclusive), HH:MM. */
    from: time,
    /** Local time the band ends (exclusive), HH:MM; before `from` means it runs past midnight. */
    to: time,
    pricePerKwh: z
      .number({ error: 'Price must be a number.' })
      .finite('Price must be a number.')
      .min(0, 'Price cannot be negative.')
      .max(1000, 'Price looks wrong: more than 1000 per kWh.'),
  })
  .refine((b) => b.from !== b.to, { message: 'A band must end at another time than it starts.' });
export type TariffBand = z.infer<typeof tariffBandSchema>;

export const earningsSettingsSchema = z.object({
  /** Bands in priority order: the first one containing a minute sets its price; outside all, the flat price. */
  tariff: z.array(tariffBandSchema).max(24, 'At most 24 tariff bands.'),
  /** How many units of the electricity currency one US dollar buys; not needed when that currency is USD. */
  usdRate: z
    .number({ error: 'The exchange rate must be a number.' })
    .finite()
    .positive('The exchange rate must be above 0.')
    .max(1_000_000, 'The exchange rate looks wrong.')
    .nullable(),
});
export type EarningsSettings = z.infer<typeof earningsSettingsSchema>;

export const earningsSettingsPatchSchema = earningsSettingsSchema.partial().strict();
export type EarningsSettingsPatch = z.infer<typeof earningsSettingsPatchSchema>;

/** No tariff (the flat price all day) and no exchange rate (fine while the currency is USD). */
export const DEFAULT_EARNINGS_SETTINGS: EarningsSettings = { tariff: [], usdRate: null };

export function applyEarningsPatch(
  current: EarningsSettings,
  patch: EarningsSettingsPatch | undefined,
): EarningsSettings {
  return patch ? { ...current, ...patch } : current;
}
