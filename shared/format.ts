/** Display formatting shared by the UI, the CLI and the tray: pure, unit-explicit, "—" for unknown. */
import type { Settings } from './settings';

export const UNKNOWN = '—';

export function celsiusTo(unit: Settings['temperatureUnit'], c: number): number {
  return unit === 'F' ? (c * 9) / 5 + 32 : c;
}

export function formatTemp(c: number | null, unit: Settings['temperatureUnit']): string {
  if (c === null || !Number.isFinite(c)) return UNKNOWN;
  return `${Math.round(celsiusTo(unit, c))} °${unit}`;
}

export function formatPower(w: number | null): string {
  if (w === null || !Number.isFinite(w)) return UNKNOWN;
  return Math.abs(w) >= 10_000 ? `${(w / 1000).toFixed(1)} kW` : `${Math.round(w)} W`;
}

export function formatEfficiency(jPerMh: number | null): string {
  if (jPerMh === null || !Number.isFinite(jPerMh)) return UNKNOWN;
  return `${jPerMh.toFixed(3)} J/MH`;
}

/** "12 s", "3 min", "2 h 5 min", "4 d 3 h": how long ago, or how long up. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return UNKNOWN;
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

export function formatAge(thenMs: number | null, nowMs: number): string {
  if (thenMs === null) return 'never';
  return `${formatDuration(Math.max(0, nowMs - thenMs) / 1000)} ago`;
}

export function formatPercent(part: number | null, whole: number | null): string {
  if (part === null || whole === null || whole <= 0) return UNKNOWN;
  return `${Math.round((part / whole) * 100)} %`;
}
