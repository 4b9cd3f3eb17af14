/**
 * The actions bar's buttons and what each says before it runs. Disruptive actions (shared/control.ts) get a
 * confirmation naming what happens and to how many rigs; the core refuses them without `confirm` anyway.
 */
import { disruptiveActions } from '../../shared/control-names';
import type { ActionKind } from '../../shared/control';
import type { ControlSettings } from '../../shared/control-settings';

/** A button that runs at once (after confirmation when disruptive): no parameters beyond these. */
export type DirectAction = {
  key: string;
  kind: ActionKind;
  label: string;
  params: Record<string, unknown>;
};

export const directActions: readonly DirectAction[] = [
  { key: 'reboot', kind: 'reboot', label: 'Reboot', params: {} },
  { key: 'restart', kind: 'restart', label: 'Restart mining', params: {} },
  { key: 'stop', kind: 'stop', label: 'Stop', params: {} },
  { key: 'start', kind: 'start', label: 'Start', params: {} },
  { key: 'pause', kind: 'pause', label: 'Pause', params: {} },
  { key: 'resume', kind: 'resume', label: 'Resume', params: {} },
  { key: 'locate-on', kind: 'locate', label: 'Locate on', params: { on: true } },
  { key: 'locate-off', kind: 'locate', label: 'Locate off', params: { on: false } },
];

/** Actions that open a dialog, in the bar's order; a kind shows only when the registry has its dialog. */
export const dialogLabels: ReadonlyArray<readonly [ActionKind, string]> = [
  ['preset', 'Preset…'],
  ['overclock', 'Frequency/voltage…'],
  ['throttle', 'Throttle…'],
  ['fan', 'Fans…'],
  ['pools', 'Pools…'],
  ['switch-pool', 'Switch pool…'],
  ['firmware', 'Upgrade firmware…'],
  ['restore', 'Restore…'],
];

export const isDisruptive = (kind: ActionKind): boolean => disruptiveActions.has(kind);

const what: Partial<Record<ActionKind, string>> = {
  reboot: 'goes offline and stops hashing for a few minutes while it reboots',
  restart: 'stops hashing for a minute or two while mining restarts',
  stop: 'stops hashing until it is started again',
  pause: 'stops hashing until it is resumed',
  firmware: 'installs new firmware and reboots',
  restore: 'has its settings replaced and may restart',
};

export const rigCount = (n: number): string => `${n} rig${n === 1 ? '' : 's'}`;

/** The confirmation's text: what each rig goes through, how many, and how the core paces them. */
export function confirmText(
  kind: ActionKind,
  label: string,
  rigs: number,
  pacing: ControlSettings | null,
): { title: string; body: string } {
  const each = rigs === 1 ? 'The rig' : 'Each rig';
  const body = [`${each} ${what[kind] ?? 'is disrupted'}.`];
  if (rigs > 1 && pacing !== null) {
    body.push(
      `RigDeck runs at most ${pacing.concurrency} at a time, ${pacing.staggerSec} s apart (Settings → control).`,
    );
  }
  return { title: `${label} ${rigCount(rigs)}?`, body: body.join(' ') };
}
