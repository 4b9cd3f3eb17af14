import type { Alert, AlertCounts } from '../../shared/alerts';

/** The badge counts from the active list, as the core counts them, for right after a command of ours. */
export function countActive(active: readonly Alert[]): AlertCounts {
  const counts = { open: 0, acknowledged: 0, critical: 0, warning: 0 };
  for (const a of active) {
    if (a.state === 'open') counts.open++;
    else if (a.state === 'acknowledged') counts.acknowledged++;
    if (a.severity === 'critical') counts.critical++;
    else if (a.severity === 'warning') counts.warning++;
  }
  return counts;
}
