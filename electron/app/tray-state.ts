import type { RigRecord } from '../../shared/fleet';

export type TrayState = { tooltip: string; summary: string };

/**
 * What the tray says about the fleet, in one line a technician can read at a glance. It grows with the collector
 * (offline rigs, open alerts); for now it counts the registered rigs.
 */
export function trayState(rigs: readonly Pick<RigRecord, 'id'>[]): TrayState {
  const n = rigs.length;
  const summary = n === 0 ? 'No rigs registered' : `${n} rig${n === 1 ? '' : 's'} registered`;
  return { tooltip: `RigDeck: ${summary}`, summary };
}
