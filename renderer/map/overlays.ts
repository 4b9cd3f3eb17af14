/**
 * What a slot on the map shows under each overlay: a colour and a short figure with its unit. Pure, so the scales
 * are tested and the map paints a thousand slots from plain data. A rig whose figures are not live shows grey
 * with the word, never a colour from an old reading.
 */
import type { HealthState } from '../../shared/health';
import type { RigLive } from '../../shared/telemetry';

export const overlays = ['health', 'temperature', 'hashrate', 'power'] as const;
export type Overlay = (typeof overlays)[number];

export const overlayLabel: Record<Overlay, string> = {
  health: 'Health',
  temperature: 'Chip temperature',
  hashrate: 'Hashrate % of nominal',
  power: 'Power',
};

/** A colour of the theme, which a slot takes from its class (styles.css, `.map-slot.tone-*`) rather than a style. */
export type Tone = 'ok' | 'warn' | 'bad' | 'idle';
export type LegendStop = { colour: string; text: string };
/** `tone` is set when the colour is the theme's: a thousand slots then carry no inline style each. */
export type SlotLook = LegendStop & { tone: Tone | null };

const GREY = 'var(--map-idle)';
const healthColour: Record<HealthState, string> = {
  ok: 'var(--ok)',
  warning: 'var(--warn)',
  critical: 'var(--bad)',
  unknown: GREY,
};
const healthTone: Record<HealthState, Tone> = { ok: 'ok', warning: 'warn', critical: 'bad', unknown: 'idle' };
const idle = (text: string): SlotLook => ({ colour: GREY, text, tone: 'idle' });
const scaled = (colour: string, text: string): SlotLook => ({ colour, text, tone: null });
const healthText: Record<HealthState, string> = { ok: 'OK', warning: 'Warn', critical: 'Crit', unknown: '?' };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** Hue from `from` to `to` as t goes 0 → 1: one scale for every overlay, so colours read alike. */
const hue = (t: number, from: number, to: number) =>
  `hsl(${Math.round(from + (to - from) * clamp01(t))} 70% 42%)`;

/** Heat map: 40 °C and below blue, through green and yellow, to red at the model's chip limit and beyond. */
export function heatColour(celsius: number, limitC: number): string {
  return hue((celsius - 40) / Math.max(1, limitC - 40), 220, 0);
}

/** Red at half of nominal or less, amber near 80 %, green at 100 % and above. */
export function shareColour(percent: number): string {
  return hue((percent - 50) / 50, 0, 120);
}

/** Light to deep orange with the share of the fleet's largest draw, so the heavy corner shows. */
export function powerColour(watts: number, maxW: number): string {
  const t = maxW > 0 ? clamp01(watts / maxW) : 0;
  return `hsl(28 85% ${Math.round(70 - 40 * t)}%)`;
}

export function formatKw(watts: number): string {
  return watts >= 1000 ? `${(watts / 1000).toFixed(1)} kW` : `${Math.round(watts)} W`;
}

export type LookContext = { chipLimitC: (rigId: string) => number; maxPowerW: number };

export function slotLook(overlay: Overlay, live: RigLive | undefined, ctx: LookContext): SlotLook {
  if (!live || live.liveness === 'unknown') return idle('no data');
  if (live.restarting) return idle('restarting');
  if (live.liveness !== 'online') return idle(live.liveness);
  switch (overlay) {
    case 'health':
      return {
        colour: healthColour[live.health],
        text: healthText[live.health],
        tone: healthTone[live.health],
      };
    case 'temperature': {
      const t = live.chipTempMaxC;
      return t === null
        ? idle('– °C')
        : scaled(heatColour(t, ctx.chipLimitC(live.rigId)), `${Math.round(t)} °C`);
    }
    case 'hashrate': {
      const { hashrateMhs: h, nominalHashrateMhs: n } = live;
      if (h === null || n === null || n <= 0) return idle('– %');
      const pct = (h / n) * 100;
      return scaled(shareColour(pct), `${Math.round(pct)} %`);
    }
    case 'power':
      return live.powerW === null
        ? idle('– W')
        : scaled(powerColour(live.powerW, ctx.maxPowerW), formatKw(live.powerW));
  }
}

/** The legend under the map: a few stops of the current scale, each with its figure. */
export function legend(overlay: Overlay, ctx: { limitC: number; maxPowerW: number }): LegendStop[] {
  switch (overlay) {
    case 'health':
      return (['ok', 'warning', 'critical'] as const).map((h) => ({
        colour: healthColour[h],
        text: healthText[h],
      }));
    case 'temperature':
      return [40, 60, 75, ctx.limitC].map((c) => ({ colour: heatColour(c, ctx.limitC), text: `${c} °C` }));
    case 'hashrate':
      return [50, 80, 95, 100].map((p) => ({ colour: shareColour(p), text: `${p} %` }));
    case 'power':
      return [0.25, 0.5, 0.75, 1].map((t) => ({
        colour: powerColour(t * ctx.maxPowerW, ctx.maxPowerW),
        text: formatKw(t * ctx.maxPowerW),
      }));
  }
}
