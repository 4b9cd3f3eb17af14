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

/** What a pool password becomes in the audit log and the job store. */
export const MASKED = '••••••';

/**
 * The action's parameters for the audit log: everything but the kind. A pool password the user typed may be a
 * real secret, so it is masked; the ProHashing template's passwords are derived, not secret, and not stored
 * here anyway (only the template is).
 */
export function paramsOf(action: ControlAction): Record<string, unknown> {
  const { kind: _kind, ...params } = action;
  if (action.kind === 'pools' && action.pools !== null)
    return { ...params, pools: action.pools.map((p) => ({ ...p, pass: p.pass === '' ? '' : MASKED })) };
  return params;
}
