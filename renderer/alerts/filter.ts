import type { Alert } from '../../shared/alerts';
import type { ProblemCode, Severity } from '../../shared/health';

export type AlertFilter = { severity: Severity | 'all'; code: ProblemCode | 'all'; text: string };

export const NO_FILTER: AlertFilter = { severity: 'all', code: 'all', text: '' };

/**
 * Severity and rule match exactly; the text matches the rig's name, address or labels, the subject or the
 * evidence, case-insensitively. `labelsOf` looks a rig's labels up in the fleet (alerts do not carry them).
 */
export function filterAlerts(
  alerts: readonly Alert[],
  f: AlertFilter,
  labelsOf: (rigId: string) => readonly string[],
): Alert[] {
  const needle = f.text.trim().toLowerCase();
  return alerts.filter(
    (a) =>
      (f.severity === 'all' || a.severity === f.severity) &&
      (f.code === 'all' || a.code === f.code) &&
      (!needle ||
        [a.rigName ?? '', a.ip ?? '', a.subject, a.text, ...(a.rigId ? labelsOf(a.rigId) : [])].some((t) =>
          t.toLowerCase().includes(needle),
        )),
  );
}
