/**
 * The fan dialog's form, pure: its bounds, what is wrong with it, and the `control.run` parameters it makes.
 * The bounds are Vnish's own (docs/vnish.md §3.2 cooling limits); the core still checks each rig's /model.
 */
import type { FanMode } from '../../shared/control';

export const FAN_TARGET_C = { min: 20, max: 90 } as const;
export const FAN_DUTY_PCT = { min: 10, max: 100 } as const;

export type FanForm = { mode: FanMode; target: string; duty: string };

export const initialFanForm: FanForm = { mode: 'auto', target: '70', duty: '80' };

function wholeIn(
  text: string,
  range: { min: number; max: number },
  what: string,
  unit: string,
): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n)) return `${what} must be a whole number of ${unit}.`;
  if (n < range.min || n > range.max) return `${what} must be ${range.min}–${range.max} ${unit}.`;
  return null;
}

/** Field name → message; empty when the form can be sent. */
export function fanErrors(f: FanForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.mode === 'auto') {
    const e = wholeIn(f.target, FAN_TARGET_C, 'Target', '°C');
    if (e !== null) errors['target'] = e;
  }
  if (f.mode === 'manual') {
    const e = wholeIn(f.duty, FAN_DUTY_PCT, 'Duty', '%');
    if (e !== null) errors['duty'] = e;
  }
  return errors;
}

export function fanParams(f: FanForm): { mode: FanMode; target: number | null; duty: number | null } {
  return {
    mode: f.mode,
    target: f.mode === 'auto' ? Number(f.target) : null,
    duty: f.mode === 'manual' ? Number(f.duty) : null,
  };
}

/** What the confirmation line says will happen. */
export function fanSummary(f: FanForm, rigs: number): string {
  const what =
    f.mode === 'auto'
      ? `automatic, holding ${f.target} °C`
      : f.mode === 'manual'
        ? `manual at ${f.duty} % duty`
        : 'immersion (no fans expected: only for rigs cooled in liquid)';
  return `Fans ${what} on ${rigs} rig${rigs === 1 ? '' : 's'}.`;
}
