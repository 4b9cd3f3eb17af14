/**
 * Whether a miner shows the change a command asked for. Vnish answers 200 even when a change did not apply
 * (docs/vnish.md §3.7), so the runner reads the rig back and reports success only when one of these holds.
 * Pure: the runner does the reading and the waiting.
 */
import { type MiningVerb } from '../../shared/control';
import { type Settings } from '../miners/vnish/schemas-control';
import { type Status } from '../miners/vnish/schemas-summary';

const HASHING = ['mining', 'auto-tuning'];
/** On the way back up after a (re)start (docs/vnish.md §3.3 miner states). */
const COMING_UP = ['restarting', 'initializing', 'starting'];

/** `before` is /status read just before the command, `after` one read after it. */
export function miningShows(verb: MiningVerb, before: Status | null, after: Status): boolean {
  const state = after.miner_state ?? '';
  switch (verb) {
    case 'stop':
      return state === 'shutting-down' || state === 'stopped';
    case 'pause':
      // A paused miner reports itself stopped (there is no "paused" state).
      return state === 'stopped';
    case 'start':
    case 'resume':
      return COMING_UP.includes(state) || HASHING.includes(state);
    case 'restart': {
      if (COMING_UP.includes(state)) return true;
      // Already back: only a mining clock that restarted proves it was this restart and not no restart at all.
      const was = before?.miner_state_time ?? null;
      const now = after.miner_state_time ?? null;
      return HASHING.includes(state) && was !== null && now !== null && now < was;
    }
  }
}

/** The miner is back to work: the end of a reboot or restart, when its boards draw full power again. */
export function hashing(after: Status): boolean {
  return HASHING.includes(after.miner_state ?? '');
}

export function locateShows(on: boolean, after: Status): boolean {
  return after.find_miner === on;
}

export function throttleShows(percent: number, after: Status): boolean {
  return after.throttled === percent;
}

export function presetShows(name: string, after: Settings): boolean {
  return after.miner?.overclock?.preset === name;
}

export function overclockShows(freq: number | null, volt: number | null, after: Settings): boolean {
  const g = after.miner?.overclock?.globals ?? null;
  if (g === null) return false;
  return (freq === null || g.freq === freq) && (volt === null || g.volt === volt);
}

/** A reboot shows as the rig going away, or as an uptime smaller than before it (it was quick). */
export type RebootProbe = { down: true } | { down: false; uptimeSec: number | null };

export function rebootShows(beforeUptimeSec: number | null, probe: RebootProbe): boolean {
  if (probe.down) return true;
  return beforeUptimeSec !== null && probe.uptimeSec !== null && probe.uptimeSec < beforeUptimeSec;
}
