/**
 * What a selection of rigs can be offered, from each rig's `control.options`: the presets every rig lists, the
 * frequency and voltage every rig accepts (the intersection of their /model ranges), and who has throttle. The
 * core refuses anything outside these per rig; the dialogs refuse it first so the technician sees why at once.
 */
import type { PresetOption, RigOptions } from '../../shared/control';

/** A preset every selected rig lists, with the range of its figures across them (one rig: one value). */
export type CommonPreset = {
  name: string;
  /** Rigs on which it is tuned; `of` is how many rigs were asked. */
  tuned: number;
  of: number;
  watts: { min: number; max: number } | null;
  hashrateMhs: { min: number; max: number } | null;
  pretty: string | null;
  moddedPsuRequired: boolean;
};

function span(values: readonly (number | null)[]): { min: number; max: number } | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return { min: Math.min(...known), max: Math.max(...known) };
}

/** Presets listed by every rig, in the first rig's order; empty when any rig has not listed its presets. */
export function commonPresets(rigs: readonly RigOptions[]): CommonPreset[] {
  const lists = rigs.map((r) => r.presets);
  if (lists.length === 0 || lists.some((l) => l === null)) return [];
  const byRig = (lists as PresetOption[][]).map((l) => new Map(l.map((p) => [p.name, p])));
  const first = lists[0] ?? [];
  const out: CommonPreset[] = [];
  for (const p of first) {
    const each = byRig.map((m) => m.get(p.name));
    if (each.some((x) => x === undefined)) continue;
    const found = each as PresetOption[];
    out.push({
      name: p.name,
      tuned: found.filter((x) => x.status === 'tuned').length,
      of: found.length,
      watts: span(found.map((x) => x.watts)),
      hashrateMhs: span(found.map((x) => x.hashrateMhs)),
      pretty: found.length === 1 ? p.pretty : null,
      moddedPsuRequired: found.some((x) => x.moddedPsuRequired === true),
    });
  }
  return out;
}

export type Range = { min: number; max: number };

/**
 * The range every rig accepts: the highest minimum and the lowest maximum. Null when a rig has not said its
 * range, or when the ranges do not overlap (no one value suits all).
 */
export function commonRange(
  ranges: readonly ({ min: number | null; max: number | null } | null)[],
): Range | null {
  if (ranges.length === 0) return null;
  let min = -Infinity;
  let max = Infinity;
  for (const r of ranges) {
    if (r === null || r.min === null || r.max === null) return null;
    min = Math.max(min, r.min);
    max = Math.min(max, r.max);
  }
  return min <= max ? { min, max } : null;
}

export type OverclockBounds = {
  /** MHz. */
  freq: Range | null;
  /** In the /model unit of 10 mV (1380 = 13.80 V). */
  volt: Range | null;
};

export function overclockBounds(rigs: readonly RigOptions[]): OverclockBounds {
  return {
    freq: commonRange(
      rigs.map((r) => (r.overclock ? { min: r.overclock.minFreq, max: r.overclock.maxFreq } : null)),
    ),
    volt: commonRange(
      rigs.map((r) => (r.overclock ? { min: r.overclock.minVolt, max: r.overclock.maxVolt } : null)),
    ),
  };
}

/**
 * Why a typed value cannot be sent, or null when it can. Empty input is "leave as is" (null); at least one of
 * frequency and voltage must be given, which the caller checks.
 */
export function checkValue(
  what: string,
  unit: string,
  text: string,
  range: Range | null,
  scale = 1,
): string | null {
  const t = text.trim();
  if (t === '') return null;
  const value = Number(t);
  if (!Number.isFinite(value)) return `${what} must be a number.`;
  const scaled = Math.round(value * scale);
  if (Math.abs(scaled - value * scale) > 1e-6) return `${what} has too many decimals.`;
  if (range === null) return `The rigs have not said their ${what.toLowerCase()} range yet.`;
  if (scaled < range.min || scaled > range.max)
    return `${what} must be between ${fmt(range.min / scale)} and ${fmt(range.max / scale)} ${unit}.`;
  return null;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The parsed value in the core's unit, or null when left empty. Call after `checkValue` said null. */
export function parseValue(text: string, scale = 1): number | null {
  const t = text.trim();
  return t === '' ? null : Math.round(Number(t) * scale);
}

/** Voltage shown in volts: the /model unit is 10 mV. */
export const VOLT_SCALE = 100;

export function formatVolts(tenMv: number | null): string {
  return tenMv === null ? '—' : `${(tenMv / VOLT_SCALE).toFixed(2)} V`;
}

/** Rigs whose firmware has throttle (1.3.3+); a rig of unknown version is left out, as the core would refuse it. */
export function throttleRigs(rigs: readonly RigOptions[]): string[] {
  return rigs.filter((r) => r.throttle.supported === true).map((r) => r.rigId);
}
