/**
 * When a figure on the Fleet table deserves colour: a chip near or over its model's limit, a rig short of its
 * nominal hashrate, a fan slow or lost. Pure, so the table, the map and the CLI colour the same way; the health
 * rules (electron/health/) decide problems, these only decide emphasis, and always beside the number itself.
 */
import type { HealthSettings, TempLimits } from './health-settings';

export type Tone = 'ok' | 'warn' | 'bad';

/** How close to a limit (in °C) a temperature starts to show as a warning. */
export const TEMP_WARN_MARGIN_C = 5;

/**
 * The key a miner's model text files its limits under: "Antminer L7" and "ANTMINER L3+ (Vnish 1.2.7)" are L7
 * and L3+, as the core's model catalog reads them (electron/miners/models.ts findModel); null for others.
 */
export function modelKey(text: string | null): string | null {
  if (text === null) return null;
  const up = text.toUpperCase().replace(/\(.*$/, '').trim();
  if (/(^|[^A-Z0-9])L3(\+|PLUS|[^0-9]|$)/.test(up)) return 'L3+';
  if (/(^|[^A-Z0-9])L7([^0-9]|$)/.test(up)) return 'L7';
  if (/(^|[^A-Z0-9])L9([^0-9]|$)/.test(up)) return 'L9';
  return null;
}

/** The model's own limits, or the "default" entry, or the built-in default when settings lack both. */
export function tempLimitsFor(limits: HealthSettings['tempLimits'], model: string | null): TempLimits {
  const key = model === null ? null : limits[model] ? model : modelKey(model);
  return (key !== null ? limits[key] : undefined) ?? limits.default ?? { chipC: 85, boardC: 75 };
}

/** At or over the limit is bad; within the margin below it, a warning; unknown or cool, no colour. */
export function tempTone(celsius: number | null, limitC: number): Tone | null {
  if (celsius === null || !Number.isFinite(celsius)) return null;
  if (celsius >= limitC) return 'bad';
  if (celsius >= limitC - TEMP_WARN_MARGIN_C) return 'warn';
  return null;
}

/**
 * Share of nominal: below the health rules' "low" share is bad; between it and halfway to 100 % a warning
 * (with the default 0.8, below 90 % shows amber), so a rig drifting down is visible before it is a problem.
 */
export function nominalTone(
  hashrateMhs: number | null,
  nominalMhs: number | null,
  lowShare: number,
): Tone | null {
  if (hashrateMhs === null || nominalMhs === null || nominalMhs <= 0) return null;
  const share = hashrateMhs / nominalMhs;
  if (share < lowShare) return 'bad';
  if (share < (lowShare + 1) / 2) return 'warn';
  return null;
}

/** A lost or stopped fan is bad; one turning below the minimum a warning. */
export function fanTone(rpmMin: number | null, fansLost: number | null, minRpm: number): Tone | null {
  if ((fansLost ?? 0) > 0 || rpmMin === 0) return 'bad';
  if (rpmMin !== null && rpmMin < minRpm) return 'warn';
  return null;
}
