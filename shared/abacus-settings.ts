/**
 * Abacus.AI (docs/abacus.md): the plain settings of the optional remote recommendations. The two tokens are not
 * here: they live in the vault and never reach the UI. Everything the live API leaves uncertain (the host, the
 * rate, the timeouts, the result's field names; docs/abacus.md §8) is a setting, not a constant.
 */
import { z } from 'zod';

export const ABACUS_API_URL = 'https://api.abacus.ai';

const whole = (what: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what}: at least ${min}${unit}.`)
    .max(max, `${what}: at most ${max}${unit}.`);

const baseUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.search === '' && u.hash === '';
    } catch {
      return false;
    }
  }, 'The Abacus.AI server must be an http or https URL without a query.');

// Ids are pasted from the Abacus.AI console; they travel in query strings, so keep them to plain characters.
const resourceId = z
  .string()
  .trim()
  .max(64, 'An id has at most 64 characters.')
  .regex(/^[A-Za-z0-9_-]*$/, 'An id has only letters, digits, - and _.');

const fieldName = z
  .string()
  .trim()
  .min(1, 'A field name cannot be empty.')
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A field name is a plain identifier.');

export const abacusSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Where the calls go (`{baseUrl}/api/v0/…`); getApiEndpoint may point predictions elsewhere (docs/abacus.md §3). */
  baseUrl,
  deploymentId: resourceId,
  featureGroupId: resourceId,
  /** Rows per appendMultipleData and rigs per predictMultiple. */
  batchSize: whole('The batch size', 1, 1000),
  streamIntervalSec: whole('The streaming interval', 10, 3600, ' s'),
  predictIntervalSec: whole('The prediction interval', 30, 86_400, ' s'),
  /** Client-side token bucket: the deployment's callsPerSecond (docs/abacus.md §6). */
  callsPerSecond: whole('Calls per second', 1, 100),
  timeoutSec: whole('The timeout', 1, 120, ' s'),
  /** Rows kept for retry while Abacus.AI is unreachable; past it the oldest are dropped (and counted). */
  queueMaxRows: whole('The retry queue', 100, 1_000_000, ' rows'),
  /** Consecutive failures that open the circuit breaker, and how long it stays open before one probe. */
  breakerFailures: whole('Failures before pausing', 1, 100),
  breakerCooldownSec: whole('The pause', 5, 3600, ' s'),
  /** Where the deployed model puts each part of its answer (docs/abacus.md §7(b); unconfirmed, so editable). */
  resultFields: z.object({ score: fieldName, status: fieldName, actions: fieldName }),
});
export type AbacusSettings = z.infer<typeof abacusSettingsSchema>;

export const abacusSettingsPatchSchema = abacusSettingsSchema
  .extend({ resultFields: abacusSettingsSchema.shape.resultFields.partial().strict() })
  .partial()
  .strict();
export type AbacusSettingsPatch = z.infer<typeof abacusSettingsPatchSchema>;

/** Off: the built-in engine is the default and needs no internet. */
export const DEFAULT_ABACUS_SETTINGS: AbacusSettings = {
  enabled: false,
  baseUrl: ABACUS_API_URL,
  deploymentId: '',
  featureGroupId: '',
  batchSize: 200,
  streamIntervalSec: 60,
  predictIntervalSec: 300,
  callsPerSecond: 5,
  timeoutSec: 15,
  queueMaxRows: 50_000,
  breakerFailures: 5,
  breakerCooldownSec: 60,
  resultFields: { score: 'anomaly_score', status: 'status', actions: 'actions' },
};

export function applyAbacusPatch(
  current: AbacusSettings,
  patch: AbacusSettingsPatch | undefined,
): AbacusSettings {
  if (!patch) return current;
  return { ...current, ...patch, resultFields: { ...current.resultFields, ...patch.resultFields } };
}
