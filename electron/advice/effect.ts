/**
 * The measured effect of an applied recommendation: the rig's average hashrate, power and hottest chip over a
 * window before it was applied, and over a window of the same length after it settled (a preset change
 * restarts mining and may auto-tune), so the two compare like with like. Each window's profit is at the revenue
 * figure known when it was measured (null while none is known).
 */
import { type AdviceWindow } from '../../shared/advice';
import { type HistoryResult } from '../../shared/telemetry';

/** Each window is an hour; the after-window starts once the change has had time to settle. */
export const EFFECT_WINDOW_MS = 60 * 60_000;
export const SETTLE_MS = 15 * 60_000;

export type Windows = { before: [number, number]; after: [number, number] };

export function windowsFor(appliedAtMs: number, windowMs = EFFECT_WINDOW_MS): Windows {
  const afterFrom = appliedAtMs + SETTLE_MS;
  return { before: [appliedAtMs - windowMs, appliedAtMs], after: [afterFrom, afterFrom + windowMs] };
}

/** The after-window has passed: the effect can be measured. */
export const measurable = (appliedAtMs: number, windowMs: number, nowMs: number): boolean =>
  nowMs >= windowsFor(appliedAtMs, windowMs).after[1];

function mean(result: HistoryResult, metric: string): number | null {
  const points = result.series.find((s) => s.metric === metric)?.points ?? [];
  let sum = 0;
  let n = 0;
  for (const p of points) {
    const v = p[1];
    if (v !== null) {
      sum += v;
      n += 1;
    }
  }
  return n === 0 ? null : sum / n;
}

export function windowFigures(
  result: HistoryResult,
  pricePerKwh: number,
  revenuePerMhDay: number | null,
): AdviceWindow | null {
  const hashrateMhs = mean(result, 'hashrate_mhs');
  const powerW = mean(result, 'power_w');
  const chipTempMaxC = mean(result, 'chip_temp_max_c');
  if (hashrateMhs === null && powerW === null && chipTempMaxC === null) return null;
  const profitPerDay =
    revenuePerMhDay === null || hashrateMhs === null || powerW === null
      ? null
      : revenuePerMhDay * hashrateMhs - (powerW * 24 * pricePerKwh) / 1000;
  return { hashrateMhs, powerW, chipTempMaxC, profitPerDay };
}
