// @vitest-environment node
import { type AlertSettings, DEFAULT_ALERT_SETTINGS } from '../../../../shared/alert-settings';
import type { Problem, ProblemCode, Severity } from '../../../../shared/health';
import type { Observation, RigInfo } from '../../../../electron/alerts/engine';

export const T0 = 1_750_000_000_000;
export const SEC = 1000;

export const settings = (patch: Partial<AlertSettings> = {}): AlertSettings => ({
  ...DEFAULT_ALERT_SETTINGS,
  sustainSec: 30,
  clearSec: 60,
  ...patch,
});

export const problem = (
  code: ProblemCode = 'overheat-chip',
  severity: Severity = 'critical',
  text = 'chip 89 °C, limit 85 °C',
  subject = '',
): Problem => ({ code, severity, text, sinceMs: T0, subject });

export const rigName = (n: number) => `rig-${String(n).padStart(2, '0')}`;

/** rig-01 … rig-NN with labels by parity ("even", "odd"). */
export function rigInfo(rigId: string): RigInfo | null {
  const n = Number(rigId.replace('rig-', ''));
  if (!Number.isFinite(n)) return null;
  return { name: rigId, ip: `10.0.0.${n}`, labels: [n % 2 === 0 ? 'even' : 'odd'] };
}

export function observation(byRig: Record<string, Problem[]>, fleet: Problem[] = []): Observation {
  let n = 0;
  return {
    problemsByRig: new Map(Object.entries(byRig)),
    fleetProblems: fleet,
    rigInfo,
    newId: () => `alert-${T0}-${++n}-${Object.keys(byRig).join('.')}`.slice(0, 64),
  };
}
