/**
 * The preset that earns most at today's power price and coin revenue, within the rig's temperature headroom.
 * Profit per day of a preset = revenue per MH/s per day × its expected MH/s − its watts × 24 h × price per kWh.
 * Headroom: the chips run above the air by an amount that scales with the power drawn, so a preset drawing
 * 10 % more is expected to lift (chip − inlet) by 10 %; a preset whose expected chip temperature comes within
 * MARGIN_C of the model's limit is not offered.
 */
import { type HealthSettings } from '../../shared/health-settings';
import { limitsFor } from './limits';
import {
  type AdviceContext,
  type AdviceRule,
  type PresetOption,
  fmtNum,
  isMiningNow,
  recId,
  round,
} from './types';

/** An assumed inlet air temperature: the rig does not report one on air cooling. */
export const INLET_C = 25;
export const MARGIN_C = 5;
/** A gain smaller than this share of the power cost (or 0.05 a day) is not worth a restart. */
const MIN_GAIN_SHARE = 0.02;
const MIN_GAIN_ABS = 0.05;

export const profitPerDay = (
  p: Pick<PresetOption, 'watts' | 'hashrateMhs'>,
  ctx: AdviceContext,
  rev: number,
) => rev * p.hashrateMhs - (p.watts * 24 * ctx.pricePerKwh) / 1000;

/** The chip temperature expected at `watts`, from the reading now at `fromWatts`. */
export function expectedChipC(chipNow: number, fromWatts: number, watts: number): number {
  if (fromWatts <= 0) return chipNow;
  return INLET_C + (chipNow - INLET_C) * (watts / fromWatts);
}

export function bestPreset(
  presets: readonly PresetOption[],
  current: PresetOption,
  chipNow: number,
  limitC: number,
  ctx: AdviceContext,
  rev: number,
): PresetOption {
  let best = current;
  let bestProfit = profitPerDay(current, ctx, rev);
  for (const p of presets) {
    if (p.watts > current.watts && expectedChipC(chipNow, current.watts, p.watts) > limitC - MARGIN_C)
      continue;
    const profit = profitPerDay(p, ctx, rev);
    if (profit > bestProfit) {
      best = p;
      bestProfit = profit;
    }
  }
  return best;
}

export const chipLimit = (health: HealthSettings, model: string | null): number =>
  limitsFor(health, model).chipC;

export const bestPresetRule: AdviceRule = (rig, ctx) => {
  const rev = ctx.revenuePerMhDay;
  const { live, presets } = rig;
  if (rev === null || presets === null || presets.length < 2 || !isMiningNow(live)) return null;
  const current = presets.find((p) => p.name === live.preset);
  const chip = live.chipTempMaxC;
  if (current === undefined || chip === null) return null;
  const limit = chipLimit(ctx.health, rig.model);
  const best = bestPreset(presets, current, chip, limit, ctx, rev);
  if (best === current) return null;
  const now = profitPerDay(current, ctx, rev);
  const then = profitPerDay(best, ctx, rev);
  const gain = then - now;
  const powerCost = (current.watts * 24 * ctx.pricePerKwh) / 1000;
  if (gain < Math.max(MIN_GAIN_ABS, MIN_GAIN_SHARE * powerCost)) return null;
  const c = ctx.currency;
  const up = best.watts > current.watts;
  const chipThen = expectedChipC(chip, current.watts, best.watts);
  return {
    fingerprint: `${current.name}>${best.name}`,
    rec: {
      id: recId('best-preset', rig.rigId),
      rigId: rig.rigId,
      kind: 'best-preset',
      source: 'builtin',
      title: `Switch to preset ${best.name}`,
      reason:
        `At ${fmtNum(ctx.pricePerKwh, 3)} ${c}/kWh and ${fmtNum(rev, 5)} ${c} per MH/s a day, preset ${best.name} ` +
        `(${fmtNum(best.watts)} W, ${fmtNum(best.hashrateMhs)} MH/s) earns more than ${current.name} ` +
        `(${fmtNum(current.watts)} W, ${fmtNum(current.hashrateMhs)} MH/s)` +
        (up ? `, and the chips keep ${fmtNum(limit - chipThen)} °C below the limit.` : '.'),
      evidence: [
        { label: 'profit now', value: round(now, 2), unit: `${c}/day` },
        { label: `profit at ${best.name}`, value: round(then, 2), unit: `${c}/day` },
        { label: 'hottest chip', value: round(chip, 1), unit: '°C' },
        { label: 'expected hottest chip', value: round(chipThen, 1), unit: '°C' },
        { label: 'chip limit', value: limit, unit: '°C' },
      ],
      chart: { metric: 'power_w', hours: 24 },
      expectedEffect:
        `About ${fmtNum(gain, 2)} ${c}/day more profit ` +
        `(${up ? '+' : '−'}${fmtNum(Math.abs(best.hashrateMhs - current.hashrateMhs))} MH/s, ` +
        `${up ? '+' : '−'}${fmtNum(Math.abs(best.watts - current.watts))} W).`,
      confidence: best.tuned ? 0.75 : 0.55,
      action: { action: 'preset', params: { name: best.name } },
      createdAtMs: ctx.nowMs,
    },
  };
};
