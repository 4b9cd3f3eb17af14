/**
 * A slow rise of the chips' temperature (dust in the intake, a fan wearing out) and when it will reach the
 * limit: a least-squares line through the last hours' averages and the reading now. The health rules catch a
 * rise that will cross within the hour; this one looks further ahead, so the rig is cleaned on a planned visit.
 * Where the rig's presets are known, it suggests the next lower one until then.
 */
import { limitsFor } from './limits';
import {
  type AdviceRule,
  type HistoryPoint,
  type PresetOption,
  HOUR_MS,
  fmtNum,
  isMiningNow,
  recId,
  round,
} from './types';

/** The line is fitted over this much of the past. */
export const TREND_WINDOW_MS = 6 * HOUR_MS;
/** Slower than this is the weather; less total rise is the fan control's wobble. */
const MIN_SLOPE_C_PER_H = 0.3;
const MIN_RISE_C = 2;
const MIN_POINTS = 6;
const MIN_SPAN_MS = HOUR_MS;
/** Further out than this, the forecast says little. */
const HORIZON_H = 48;
/** A rig's first half-hour after a start is its warm-up to a plateau, not a trend. */
const WARMUP_MS = 30 * 60_000;

/** `atFirstC`: the line's value at the first point's time. */
type Line = { slopePerH: number; spanMs: number; firstAtMs: number; atFirstC: number; points: number };

export function fitLine(points: readonly { atMs: number; c: number }[]): Line | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < MIN_POINTS) return null;
  if (last.atMs - first.atMs < MIN_SPAN_MS) return null;
  let st = 0;
  let sv = 0;
  for (const p of points) {
    st += p.atMs - first.atMs;
    sv += p.c;
  }
  const mt = st / points.length;
  const mv = sv / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) {
    const dt = p.atMs - first.atMs - mt;
    num += dt * (p.c - mv);
    den += dt * dt;
  }
  if (den === 0) return null;
  const slope = num / den;
  return {
    slopePerH: slope * HOUR_MS,
    spanMs: last.atMs - first.atMs,
    firstAtMs: first.atMs,
    atFirstC: mv - slope * mt,
    points: points.length,
  };
}

/**
 * Averages only: the reading now is the hottest chip of one instant, a degree or two above the 5-minute average
 * by its noise alone, and as the newest point it would tilt every line upwards.
 */
function series(history: readonly HistoryPoint[], nowMs: number, uptimeSec: number | null) {
  const out: { atMs: number; c: number }[] = [];
  const warmedUp = uptimeSec === null ? -Infinity : nowMs - uptimeSec * 1000 + WARMUP_MS;
  const from = Math.max(nowMs - TREND_WINDOW_MS, warmedUp);
  for (const p of history) {
    if (p.atMs >= from && p.atMs < nowMs && p.chipTempC !== null) {
      out.push({ atMs: p.atMs, c: p.chipTempC });
    }
  }
  return out;
}

export function nextLower(
  presets: readonly PresetOption[] | null,
  current: string | null,
): PresetOption | null {
  const cur = presets?.find((p) => p.name === current);
  if (presets === null || cur === undefined) return null;
  let best: PresetOption | null = null;
  for (const p of presets) if (p.watts < cur.watts && (best === null || p.watts > best.watts)) best = p;
  return best;
}

export const temperatureTrendRule: AdviceRule = (rig, ctx) => {
  const chip = rig.live.chipTempMaxC;
  if (chip === null || !isMiningNow(rig.live) || rig.history === null) return null;
  const limit = limitsFor(ctx.health, rig.model).chipC;
  if (chip >= limit) return null;
  const line = fitLine(series(rig.history.points, ctx.nowMs, rig.live.uptimeSec));
  if (line === null || line.slopePerH < MIN_SLOPE_C_PER_H) return null;
  if (line.slopePerH * (line.spanMs / HOUR_MS) < MIN_RISE_C) return null;
  const lineNow = line.atFirstC + (line.slopePerH * (ctx.nowMs - line.firstAtMs)) / HOUR_MS;
  if (lineNow >= limit) return null;
  const hours = (limit - lineNow) / line.slopePerH;
  if (hours > HORIZON_H) return null;
  const lower = nextLower(rig.presets, rig.live.preset);
  const when = hours < 1 ? `${Math.max(1, Math.round(hours * 60))} min` : `${fmtNum(hours, 1)} h`;
  return {
    // Buckets of the forecast: within 6 h, a day, two days.
    fingerprint: hours < 6 ? 'soon' : hours < 24 ? 'day' : 'days',
    rec: {
      id: recId('temperature-trend', rig.rigId),
      rigId: rig.rigId,
      kind: 'temperature-trend',
      source: 'builtin',
      title: `Chips heating up: limit in about ${when}`,
      reason:
        `The hottest chip rose ${fmtNum(line.slopePerH, 1)} °C/h over the last ${fmtNum(line.spanMs / HOUR_MS, 1)} h ` +
        `to ${fmtNum(lineNow, 1)} °C (5-minute averages); at that rate it reaches the ${limit} °C limit in about ${when}. A steady rise ` +
        'like this is usually dust in the intake or a fan wearing out: clean the filters and check the fans.' +
        (lower === null ? '' : ` Until then, preset ${lower.name} draws less and runs cooler.`),
      evidence: [
        { label: 'hottest chip (trend now)', value: round(lineNow, 1), unit: '°C' },
        { label: 'rise', value: round(line.slopePerH, 2), unit: '°C/h' },
        { label: 'limit', value: limit, unit: '°C' },
        { label: 'time to limit', value: round(hours, 1), unit: 'h' },
      ],
      chart: { metric: 'chip_temp_max_c', hours: 24 },
      expectedEffect:
        lower === null
          ? 'Cleaning brings the chips back to their earlier temperature and avoids a thermal shutdown.'
          : `Preset ${lower.name} (${fmtNum(lower.watts)} W) keeps the rig under its limit until it is cleaned.`,
      confidence: Math.min(0.85, 0.4 + 0.03 * line.points),
      action: lower === null ? null : { action: 'preset', params: { name: lower.name } },
      createdAtMs: ctx.nowMs,
    },
  };
};
