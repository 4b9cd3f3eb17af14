/**
 * How alerts behave: sustain and clear times (no flapping), reminders for chronic faults, notifications (desktop,
 * browser, webhook, sound) and per-rule switches. Every number is a setting, not a constant.
 */
import { z } from 'zod';

import type { AlertRule } from './alert-rule';
import { problemCodes } from './health';

export { ruleFor, type AlertRule } from './alert-rule';

const seconds = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600);

export const alertRuleSchema = z.object({
  enabled: z.boolean(),
  /** Hand it to the notifiers (desktop, browser, webhook); off keeps it on the Alerts page only. */
  notify: z.boolean(),
}) satisfies z.ZodType<AlertRule>;

const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    if (v === '') return true;
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'The webhook must be an http or https URL (or empty for none).');

export const alertSettingsSchema = z.object({
  /** A problem must last this long before an alert opens, and be gone this long before it clears. */
  sustainSec: seconds,
  clearSec: seconds,
  /** Remind about an alert still open after this long; 0 = never (the default). */
  remindEverySec: seconds,
  /** Notifications within this window are grouped into one ("5 rigs overheating: …"). */
  groupWindowSec: z.number().int().min(0).max(600),
  /** At most this many notifications per minute; the rest are folded into the next group. */
  maxPerMinute: z.number().int().min(1).max(120),
  sound: z.boolean(),
  webhookUrl,
  rules: z.partialRecord(z.enum(problemCodes), alertRuleSchema),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  sustainSec: 30,
  clearSec: 60,
  remindEverySec: 0,
  groupWindowSec: 5,
  maxPerMinute: 6,
  sound: false,
  webhookUrl: '',
  rules: {},
};

export const alertSettingsPatchSchema = alertSettingsSchema.partial().strict();
export type AlertSettingsPatch = z.infer<typeof alertSettingsPatchSchema>;

export function applyAlertPatch(
  current: AlertSettings,
  patch: AlertSettingsPatch | undefined,
): AlertSettings {
  if (!patch) return current;
  return { ...current, ...patch, rules: { ...current.rules, ...patch.rules } };
}
