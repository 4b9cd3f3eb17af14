/**
 * The built-in recommendation engine's settings. `revenuePerMhDay` is a figure the technician may enter (coin
 * revenue per MH/s per day, in the electricity currency) so the best-preset advice works offline; when the
 * pool's own figures are known they take precedence.
 */
import { z } from 'zod';

export const adviceSettingsSchema = z.object({
  revenuePerMhDay: z
    .number({ error: 'Revenue must be a number.' })
    .finite()
    .min(0, 'Revenue cannot be negative.')
    .max(10, 'Revenue looks wrong: more than 10 per MH/s per day.')
    .nullable(),
  /** How often the engine runs (at a poll cycle's end, never per poll). */
  evaluateEverySec: z.number().int().min(15).max(3600),
});
export type AdviceSettings = z.infer<typeof adviceSettingsSchema>;

export const adviceSettingsPatchSchema = adviceSettingsSchema.partial().strict();
export type AdviceSettingsPatch = z.infer<typeof adviceSettingsPatchSchema>;

export const DEFAULT_ADVICE_SETTINGS: AdviceSettings = { revenuePerMhDay: null, evaluateEverySec: 60 };

export function applyAdvicePatch(
  current: AdviceSettings,
  patch: AdviceSettingsPatch | undefined,
): AdviceSettings {
  return patch ? { ...current, ...patch } : current;
}
