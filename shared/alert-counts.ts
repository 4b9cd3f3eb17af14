/** Zod-free, so the navigation badge's count does not pull the alert schemas into the first load. */
import type { Severity } from './problem';

/** The badge counts over active alerts (open and acknowledged), as the core and the UI both count them. */
export function countAlerts(active: readonly { state: string; severity: Severity }[]): {
  open: number;
  acknowledged: number;
  critical: number;
  warning: number;
} {
  const counts = { open: 0, acknowledged: 0, critical: 0, warning: 0 };
  for (const a of active) {
    if (a.state === 'open') counts.open++;
    else if (a.state === 'acknowledged') counts.acknowledged++;
    if (a.severity === 'critical') counts.critical++;
    else if (a.severity === 'warning') counts.warning++;
  }
  return counts;
}
