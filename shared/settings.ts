import { z } from 'zod';

import {
  DEFAULT_ABACUS_SETTINGS,
  abacusSettingsPatchSchema,
  abacusSettingsSchema,
  applyAbacusPatch,
} from './abacus-settings';
import {
  adviceSettingsPatchSchema,
  adviceSettingsSchema,
  applyAdvicePatch,
  DEFAULT_ADVICE_SETTINGS,
} from './advice-settings';

import {
  DEFAULT_ALERT_SETTINGS,
  alertSettingsPatchSchema,
  alertSettingsSchema,
  applyAlertPatch,
} from './alert-settings';
import {
  DEFAULT_CONTROL_SETTINGS,
  applyControlPatch,
  controlSettingsPatchSchema,
  controlSettingsSchema,
} from './control-settings';
import {
  DEFAULT_EARNINGS_SETTINGS,
  applyEarningsPatch,
  earningsSettingsPatchSchema,
  earningsSettingsSchema,
} from './earnings-settings';
import {
  DEFAULT_HEALTH_SETTINGS,
  applyHealthPatch,
  healthSettingsPatchSchema,
  healthSettingsSchema,
} from './health-settings';
import { PROHASHING_REST_URL, PROHASHING_WS_URL } from './pool';

/** Limits the collector can honour: faster than 5 s loads the miners' web servers, slower than 5 min hides outages. */
export const POLL_INTERVAL_MIN_S = 5;
export const POLL_INTERVAL_MAX_S = 300;

const pollInterval = z
  .number({ error: 'Poll interval must be a number of seconds.' })
  .int('Poll interval must be a whole number of seconds.')
  .min(POLL_INTERVAL_MIN_S, `Poll interval must be at least ${POLL_INTERVAL_MIN_S} s.`)
  .max(POLL_INTERVAL_MAX_S, `Poll interval must be at most ${POLL_INTERVAL_MAX_S} s.`);

const price = z
  .number({ error: 'Price must be a number.' })
  .finite('Price must be a number.')
  .min(0, 'Price cannot be negative.')
  .max(1000, 'Price looks wrong: more than 1000 per kWh.');

const currency = z
  .string({ error: 'Currency must be a three-letter code.' })
  .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO code such as USD or EUR.');

export const temperatureUnits = ['C', 'F'] as const;
export const themes = ['dark', 'light'] as const;

export const electricitySchema = z.object({ pricePerKwh: price, currency });

/** Scan targets the technician typed on the Discovery page, remembered for next time. */
const scanTargets = z
  .array(z.string().trim().min(1).max(200, 'A scan target has at most 200 characters.'))
  .max(32, 'At most 32 scan targets are remembered.');

/** How long history is kept at each resolution (raw → 5 min → 1 h, each with min/avg/max). */
export const retentionSchema = z.object({
  rawHours: z
    .number()
    .int()
    .min(1, 'Keep raw samples at least 1 hour.')
    .max(24 * 14, 'At most 14 days of raw samples.'),
  fiveMinuteDays: z
    .number()
    .int()
    .min(1, 'Keep 5-minute history at least 1 day.')
    .max(366, 'At most a year of 5-minute history.'),
  hourlyDays: z
    .number()
    .int()
    .min(7, 'Keep hourly history at least 7 days.')
    .max(3660, 'At most 10 years of hourly history.'),
});

const endpoint = (schemes: string[], what: string) =>
  z
    .string()
    .trim()
    .max(300)
    .refine(
      (v) => {
        try {
          return schemes.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `${what} must be a ${schemes.join(' or ')} URL.`,
    );

/** ProHashing: the account name (not secret; the API key lives in the vault) and the endpoints to use. */
export const poolSettingsSchema = z.object({
  accountName: z.string().trim().max(64, 'An account name has at most 64 characters.'),
  restUrl: endpoint(['https:', 'http:'], 'The REST endpoint'),
  wsUrl: endpoint(['wss:', 'ws:'], 'The live endpoint'),
});

export const settingsSchema = z.object({
  pollIntervalSec: pollInterval,
  retention: retentionSchema,
  pool: poolSettingsSchema,
  scanTargets,
  electricity: electricitySchema,
  temperatureUnit: z.enum(temperatureUnits, { error: 'Temperature unit must be C or F.' }),
  theme: z.enum(themes, { error: 'Theme must be dark or light.' }),
  health: healthSettingsSchema,
  alerts: alertSettingsSchema,
  control: controlSettingsSchema,
  earnings: earningsSettingsSchema,
  abacus: abacusSettingsSchema,
  advice: adviceSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: only the fields the user touched; unknown keys are refused so typos do not vanish silently. */
export const settingsPatchSchema = z
  .object({
    pollIntervalSec: pollInterval.optional(),
    electricity: z
      .object({ pricePerKwh: price.optional(), currency: currency.optional() })
      .strict()
      .optional(),
    temperatureUnit: settingsSchema.shape.temperatureUnit.optional(),
    theme: settingsSchema.shape.theme.optional(),
    scanTargets: scanTargets.optional(),
    retention: retentionSchema.partial().strict().optional(),
    pool: poolSettingsSchema.partial().strict().optional(),
    health: healthSettingsPatchSchema.optional(),
    alerts: alertSettingsPatchSchema.optional(),
    control: controlSettingsPatchSchema.optional(),
    earnings: earningsSettingsPatchSchema.optional(),
    abacus: abacusSettingsPatchSchema.optional(),
    advice: adviceSettingsPatchSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  pollIntervalSec: 15,
  retention: { rawHours: 48, fiveMinuteDays: 30, hourlyDays: 730 },
  pool: { accountName: '', restUrl: PROHASHING_REST_URL, wsUrl: PROHASHING_WS_URL },
  electricity: { pricePerKwh: 0.1, currency: 'USD' },
  temperatureUnit: 'C',
  theme: 'dark',
  scanTargets: [],
  health: DEFAULT_HEALTH_SETTINGS,
  alerts: DEFAULT_ALERT_SETTINGS,
  control: DEFAULT_CONTROL_SETTINGS,
  earnings: DEFAULT_EARNINGS_SETTINGS,
  abacus: DEFAULT_ABACUS_SETTINGS,
  advice: DEFAULT_ADVICE_SETTINGS,
};

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    pollIntervalSec: patch.pollIntervalSec ?? current.pollIntervalSec,
    retention: { ...current.retention, ...patch.retention },
    pool: { ...current.pool, ...patch.pool },
    electricity: {
      pricePerKwh: patch.electricity?.pricePerKwh ?? current.electricity.pricePerKwh,
      currency: patch.electricity?.currency ?? current.electricity.currency,
    },
    temperatureUnit: patch.temperatureUnit ?? current.temperatureUnit,
    theme: patch.theme ?? current.theme,
    scanTargets: patch.scanTargets ?? current.scanTargets,
    health: applyHealthPatch(current.health, patch.health),
    alerts: applyAlertPatch(current.alerts, patch.alerts),
    control: applyControlPatch(current.control, patch.control),
    earnings: applyEarningsPatch(current.earnings, patch.earnings),
    abacus: applyAbacusPatch(current.abacus, patch.abacus),
    advice: applyAdvicePatch(current.advice, patch.advice),
  };
}

/**
 * Reads whatever is on disk field by field: a hand-edited or half-written file keeps every value that is
 * still valid and falls back to the default only where it must, and reports which present-but-invalid fields it replaced.
 */
export function salvageSettings(raw: unknown): { settings: Settings; replaced: string[] } {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, replaced: [] };

  const obj = isRecord(raw) ? raw : {};
  const elec = isRecord(obj.electricity) ? obj.electricity : {};
  const replaced: string[] = [];
  const pick = <T>(schema: z.ZodType<T>, value: unknown, fallback: T, name: string): T => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    if (value !== undefined) replaced.push(name); // absent is normal for a new file; only bad values are news
    return fallback;
  };
  const settings: Settings = {
    pollIntervalSec: pick(
      pollInterval,
      obj.pollIntervalSec,
      DEFAULT_SETTINGS.pollIntervalSec,
      'pollIntervalSec',
    ),
    retention: pick(retentionSchema, obj.retention, DEFAULT_SETTINGS.retention, 'retention'),
    pool: pick(poolSettingsSchema, obj.pool, DEFAULT_SETTINGS.pool, 'pool'),
    electricity: {
      pricePerKwh: pick(
        price,
        elec.pricePerKwh,
        DEFAULT_SETTINGS.electricity.pricePerKwh,
        'electricity.pricePerKwh',
      ),
      currency: pick(currency, elec.currency, DEFAULT_SETTINGS.electricity.currency, 'electricity.currency'),
    },
    temperatureUnit: pick(
      settingsSchema.shape.temperatureUnit,
      obj.temperatureUnit,
      DEFAULT_SETTINGS.temperatureUnit,
      'temperatureUnit',
    ),
    theme: pick(settingsSchema.shape.theme, obj.theme, DEFAULT_SETTINGS.theme, 'theme'),
    scanTargets: pick(scanTargets, obj.scanTargets, DEFAULT_SETTINGS.scanTargets, 'scanTargets'),
    health: pick(healthSettingsSchema, obj.health, DEFAULT_SETTINGS.health, 'health'),
    alerts: pick(alertSettingsSchema, obj.alerts, DEFAULT_SETTINGS.alerts, 'alerts'),
    control: pick(controlSettingsSchema, obj.control, DEFAULT_SETTINGS.control, 'control'),
    earnings: pick(earningsSettingsSchema, obj.earnings, DEFAULT_SETTINGS.earnings, 'earnings'),
    abacus: pick(abacusSettingsSchema, obj.abacus, DEFAULT_SETTINGS.abacus, 'abacus'),
    advice: pick(adviceSettingsSchema, obj.advice, DEFAULT_SETTINGS.advice, 'advice'),
  };
  return { settings, replaced };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
