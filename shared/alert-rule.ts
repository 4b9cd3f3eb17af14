/** Zod-free, so the browser's notifier does not pull the settings schemas into the first load. */
import type { ProblemCode } from './problem';

/** Whether alerts of one problem code open, and whether they notify; `alertRuleSchema` checks it. */
export type AlertRule = { enabled: boolean; notify: boolean };

/** A rule not mentioned in the settings is on and notifies. */
export function ruleFor(
  settings: { rules: Partial<Record<ProblemCode, AlertRule>> },
  code: ProblemCode,
): AlertRule {
  return settings.rules[code] ?? { enabled: true, notify: true };
}
