/**
 * Which actions need what around them: a confirmation from the face, a warning to the collector. The actions
 * themselves are data (`shared/control.ts`) so the limits, the runner and the audit log read the same thing.
 */
import { type ActionKind, type ControlAction, disruptiveActions } from '../../shared/control';

export type { ActionKind, ControlAction, MiningVerb } from '../../shared/control';

/** Actions that stop hashing or take the rig away for a while: a face must confirm them first. */
export const DISRUPTIVE: ReadonlySet<ActionKind> = disruptiveActions;

/** Whether the rig is expected to drop out and come back: the collector is told first (`markRestarting`). */
export function restarts(action: ControlAction): boolean {
  return action.kind === 'reboot' || action.kind === 'restart';
}

/** The action's parameters for the audit log: everything but the kind. */
export function paramsOf(action: ControlAction): Record<string, unknown> {
  const { kind: _kind, ...params } = action;
  return params;
}
