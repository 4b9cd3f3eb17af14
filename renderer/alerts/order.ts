import type { Alert } from '../../shared/alerts';
import { severityRank } from '../../shared/problem';

/** Active alerts worst first: muted ones after the rest, then severity, then the oldest problem first. */
export function compareActive(a: Alert, b: Alert, nowMs: number): number {
  const muted = (x: Alert) => (x.inMaintenance || (x.snoozedUntilMs ?? 0) > nowMs ? 1 : 0);
  return (
    muted(a) - muted(b) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    a.sinceMs - b.sinceMs ||
    a.id.localeCompare(b.id)
  );
}

/** History newest first. */
export function compareHistory(a: Alert, b: Alert): number {
  return (b.clearedAtMs ?? b.updatedAtMs) - (a.clearedAtMs ?? a.updatedAtMs) || a.id.localeCompare(b.id);
}
