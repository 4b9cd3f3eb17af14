/**
 * The chip temperature's trend: a least-squares line through the recent samples (kept in memory, not read back
 * from the store each poll) that crosses the limit within the hour, while still below it.
 */
import { type HealthSettings } from '../../shared/health-settings';
import { keepSample } from './chains';
import { fmt, type HealthMemory, limitsFor, MINUTE, type Rule, type Sample, NONE } from './types';

const HOUR = 60 * MINUTE;
/**
 * Only a chip this close under its limit is worth a forecast. Further down, the firmware's fan control holds the
 * chips around its target, and the line through that regulation (a degree up or down) or a warm-up is noise.
 */
const NEAR_LIMIT_C = 6;
/** The line must have climbed at least this much over its span: less is the regulation's wobble. */
const MIN_RISE_C = 2;
/** A line through fewer points, or a shorter span, is noise. */
const MIN_SAMPLES = 4;

export function observeTemp(
  m: HealthMemory,
  atMs: number,
  chipC: number | null,
  settings: HealthSettings,
): HealthMemory {
  if (chipC === null) return m;
  const windowMs = settings.trendWindowMinutes * MINUTE;
  const ring = keepSample(m.temps, { atMs, value: chipC }, windowMs, windowMs / 12);
  return ring === m.temps ? m : { ...m, temps: ring };
}

/** °C per ms, or null when the samples do not span enough. */
export function slopeOf(ring: readonly Sample[], minSpanMs: number): number | null {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < MIN_SAMPLES || first === undefined || last === undefined) return null;
  if (last.atMs - first.atMs < minSpanMs) return null;
  let st = 0;
  let sv = 0;
  for (const x of ring) {
    st += x.atMs - first.atMs;
    sv += x.value;
  }
  const mt = st / ring.length;
  const mv = sv / ring.length;
  let num = 0;
  let den = 0;
  for (const x of ring) {
    const dt = x.atMs - first.atMs - mt;
    num += dt * (x.value - mv);
    den += dt * dt;
  }
  return den === 0 ? null : num / den;
}

export const trendRule: Rule = ({ input, memory, settings }) => {
  const chip = input.live.chipTempMaxC;
  if (chip === null || input.live.liveness === 'offline') return NONE;
  const limit = limitsFor(settings, input.model).chipC;
  if (chip > limit || chip < limit - NEAR_LIMIT_C) return NONE;
  const at = input.live.takenAtMs ?? 0;
  const last = memory.temps[memory.temps.length - 1];
  // The ring holds spaced samples; the reading now is the line's newest point.
  const points =
    last !== undefined && last.atMs < at ? [...memory.temps, { atMs: at, value: chip }] : memory.temps;
  // Most of the window, mining: a rig warming up after a start approaches its plateau fast, which a line through
  // its first minutes would read as heading for the limit.
  const slope = slopeOf(points, settings.trendWindowMinutes * MINUTE * 0.8);
  const first = points[0];
  if (slope === null || slope <= 0 || first === undefined) return NONE;
  if (slope * (at - first.atMs) < MIN_RISE_C) return NONE;
  const perHour = slope * HOUR;
  if (chip + perHour < limit) return NONE;
  const minutes = Math.max(1, Math.round((limit - chip) / slope / MINUTE));
  return [
    {
      code: 'temp-trend',
      severity: 'warning',
      text: `chip ${fmt(chip)} °C rising ${fmt(perHour)} °C/h: limit ${fmt(limit)} °C in about ${minutes} min`,
      subject: '',
    },
  ];
};
