/**
 * What RigDeck can ask a rig to do (docs/vnish.md §4), as data: the runner executes it, the limits check it,
 * the audit log stores it. Parameters are plain numbers and names, never a password.
 */
export type MiningVerb = 'start' | 'stop' | 'restart' | 'pause' | 'resume';

export type ControlAction =
  | { kind: 'reboot' }
  | { kind: MiningVerb }
  | { kind: 'locate'; on: boolean }
  | { kind: 'preset'; name: string }
  | { kind: 'throttle'; percent: number }
  /** Global frequency (MHz) and voltage (the /model unit, 10 mV); at least one is given. */
  | { kind: 'overclock'; freq: number | null; volt: number | null };

export type ActionKind = ControlAction['kind'];

/** Actions that stop hashing or take the rig away for a while: a face must confirm them first. */
export const DISRUPTIVE: ReadonlySet<ActionKind> = new Set(['reboot', 'restart', 'stop', 'pause']);

/** Whether the rig is expected to drop out and come back: the collector is told first (`markRestarting`). */
export function restarts(action: ControlAction): boolean {
  return action.kind === 'reboot' || action.kind === 'restart';
}

/** The action's parameters for the audit log: everything but the kind. */
export function paramsOf(action: ControlAction): Record<string, unknown> {
  const { kind: _kind, ...params } = action;
  return params;
}
