/**
 * Whether a miner shows the change a command asked for. Vnish answers 200 even when a change did not apply
 * (docs/vnish.md §3.7), so the runner reads the rig back and reports success only when one of these holds.
 * Pure: the runner does the reading and the waiting.
 */
import { type FanMode, type MiningVerb, type PoolSlot } from '../../shared/control';
import { samePoolUrl } from '../../shared/prohashing-template';
import { type Settings } from '../miners/vnish/schemas-control';
import { type Status, type Summary } from '../miners/vnish/schemas-summary';

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

/** The cooling mode as POST /settings takes it: immersion is spelled "immers" there (docs/vnish.md §3.7). */
export type CoolingMode = { name: 'auto' | 'manual'; param: number } | { name: 'immers' };

export function coolingMode(mode: FanMode, target: number | null, duty: number | null): CoolingMode {
  if (mode === 'immersion') return { name: 'immers' };
  return { name: mode, param: (mode === 'auto' ? target : duty) ?? 0 };
}

export function fanShows(want: CoolingMode, after: Settings): boolean {
  const m = after.miner?.cooling?.mode ?? null;
  if (m === null) return false;
  // Some builds may read back the summary's spelling; either means immersion.
  if (want.name === 'immers') return m.name === 'immers' || m.name === 'immersion';
  return m.name === want.name && m.param === want.param;
}

/** The saved list equals the one sent, slot by slot; slots not sent are empty (the list is sent whole). */
export function poolsShow(sent: readonly PoolSlot[], after: Settings): boolean {
  const got = (after.miner?.pools ?? []).filter((p) => (p.url ?? '') !== '');
  if (got.length !== sent.length) return false;
  return sent.every((s, i) => {
    const g = got[i];
    return g !== undefined && samePoolUrl(s.url, g.url ?? '') && s.user === g.user && s.pass === g.pass;
  });
}

/** The user's pool in slot `index` is the one hashing now (`/summary` pools, docs/vnish.md §3.4). */
export function activePoolShows(index: number, after: Summary): boolean {
  const pools = after.miner?.pools ?? [];
  return pools.some((p) => p.id === index && p.pool_type !== 'DevFee' && p.status === 'active');
}

function sameLeaf(path: string, sent: unknown, got: unknown): boolean {
  if (typeof sent === 'string' && typeof got === 'string' && path.endsWith('.url'))
    return samePoolUrl(sent, got);
  return sent === got;
}

/**
 * Every value sent is in what the miner reads back (a restore): objects by key, arrays by position, pool URLs
 * without their scheme. Keys the miner adds are ignored; a value it lacks or changed is not.
 */
export function contains(sent: unknown, got: unknown, path = ''): boolean {
  if (Array.isArray(sent)) {
    if (!Array.isArray(got) || got.length < sent.length) return false;
    return sent.every((v, i) => contains(v, got[i], `${path}[${i}]`));
  }
  if (typeof sent === 'object' && sent !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return false;
    const g = got as Record<string, unknown>;
    return Object.entries(sent).every(([k, v]) => contains(v, g[k], `${path}.${k}`));
  }
  return sameLeaf(path, sent, got);
}
