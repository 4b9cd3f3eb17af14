/**
 * The health rules' thresholds: per-model temperature limits and the fleet-wide shares and floors. Defaults
 * are conservative and editable in the settings (the firmware's own limits differ by model and version).
 */
import { z } from 'zod';

import { DEFAULT_HEALTH_SETTINGS as defaults } from './health-defaults';

const celsius = z
  .number()
  .finite()
  .min(30, 'A limit below 30 °C is not a limit.')
  .max(130, 'At most 130 °C.');
const share = z.number().finite().min(0).max(1);
const minutes = z
  .number()
  .finite()
  .min(0)
  .max(24 * 60);

export const tempLimitsSchema = z.object({ chipC: celsius, boardC: celsius });
export type TempLimits = z.infer<typeof tempLimitsSchema>;

export const healthSettingsSchema = z.object({
  /** Keyed by model as the registry spells it (L7, L9, L3+); "default" for any other. */
  tempLimits: z.record(z.string().min(1).max(32), tempLimitsSchema),
  /** Hashrate below this share of nominal for `hashrateLowMinutes` is a problem. */
  hashrateLowShare: share,
  hashrateLowMinutes: minutes,
  /** A fan turning slower than this (and not stopped) is a problem. */
  fanMinRpm: z.number().int().min(0).max(20_000),
  /** Share of rejected shares above which a pool is "rejecting". */
  rejectShare: share,
  /** Pool-side hashrate this far (as a share) from the rig's own, sustained, is a problem. */
  poolMismatchShare: share,
  /** How long the pool may disagree with the rig (or not know its worker) before it is a problem: pool figures lag. */
  poolGraceMinutes: minutes,
  /** This many restarts the rig made on its own within `rebootLoopMinutes` is a reboot loop. */
  rebootLoopCount: z.number().int().min(2).max(100),
  rebootLoopMinutes: minutes,
  /** Orange/red chips growing by at least this many within `chipsWindowMinutes`. */
  chipsGrowth: z.number().int().min(1).max(1000),
  chipsWindowMinutes: minutes,
  /** Recent chip temperatures the trend is fitted over. */
  trendWindowMinutes: minutes,
});
export type HealthSettings = z.infer<typeof healthSettingsSchema>;

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = defaults;

export const healthSettingsPatchSchema = healthSettingsSchema.partial().strict();
export type HealthSettingsPatch = z.infer<typeof healthSettingsPatchSchema>;

export function applyHealthPatch(
  current: HealthSettings,
  patch: HealthSettingsPatch | undefined,
): HealthSettings {
  if (!patch) return current;
  return { ...current, ...patch, tempLimits: { ...current.tempLimits, ...patch.tempLimits } };
}
