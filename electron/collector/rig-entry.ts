/**
 * What the collector keeps per rig between polls, and the pure steps on it: a new entry, a registry change,
 * the view whose changes are logged, the RigLive it shows, and the public detail view (no pool passwords).
 */
import { type RigRecord } from '../../shared/fleet';
import { type RigSnapshot } from '../../shared/rig';
import { type HealthSettings } from '../../shared/health-settings';
import { type RigLive } from '../../shared/telemetry';
import { evaluateRig, type RigHealthState } from '../health/fleet';
import { emptyMemory } from '../health/types';
import { findModel } from '../miners/models';
import { type VnishClient } from '../miners/vnish/client';
import { type HealthView } from './batch';
import { type PollNote, type PoolFigures, toRigLive } from './live';
import { initialHealth, isRestarting, type RigHealth } from './liveness';
import { NO_POOL } from './pool-merge';
import { type SlowDetail, type Source, type VnishDetail } from './read-rig';

export type RigEntry = {
  /** Changes when the rig is re-added or moves: a poll that started before then is discarded. */
  gen: number;
  record: RigRecord;
  client: VnishClient | null;
  /** The password the client was built with, to notice a change at the next slow read. */
  password: string | null;
  /** What answered last; null until known (then the registry's firmware decides what to try first). */
  source: Source | null;
  detail: VnishDetail | null;
  slow: SlowDetail | null;
  /** Read the detail / slow tier at the next poll whatever their cadence says. */
  detailDue: boolean;
  slowDue: boolean;
  /** Per-chip detail asked for (refresh). */
  chipsDue: boolean;
  /** A restart was requested since the detail was last read: the uptime reset it causes is expected. */
  restartSinceDetail: boolean;
  snapshot: RigSnapshot | null;
  /** A snapshot taken since the last cycle ended, waiting to be written. */
  unsaved: RigSnapshot | null;
  health: RigHealth;
  /** The health rules' memory and last verdict, and what the last read itself said was wrong with it. */
  check: RigHealthState;
  poll: PollNote;
  pool: PoolFigures;
};

export function newEntry(record: RigRecord, gen: number): RigEntry {
  return {
    gen,
    record,
    client: null,
    password: null,
    source: null,
    detail: null,
    slow: null,
    detailDue: true,
    slowDue: true,
    chipsDue: false,
    restartSinceDetail: false,
    snapshot: null,
    unsaved: null,
    health: initialHealth(),
    check: {
      memory: emptyMemory(),
      step: null,
      model: findModel(record.model),
      implausible: [],
      degraded: null,
    },
    poll: { lastPollMs: null, lastError: null },
    pool: NO_POOL,
  };
}

export function addressOf(r: Pick<RigRecord, 'ip' | 'httpPort'>): string {
  return `${r.ip}:${r.httpPort}`;
}

export function moved(a: RigRecord, b: RigRecord): boolean {
  return a.ip !== b.ip || a.httpPort !== b.httpPort || a.rpcPort !== b.rpcPort;
}

/**
 * The rig at a new address (DHCP) is the same machine: its history of answers and figures carries over, but
 * everything tied to the old address (client, login, what protocol answered, cached detail) is dropped.
 */
export function rehome(e: RigEntry, record: RigRecord, gen: number): RigEntry {
  return {
    ...e,
    gen,
    record,
    client: null,
    password: null,
    source: null,
    detail: null,
    slow: e.slow,
    detailDue: true,
    slowDue: true,
  };
}

export function healthView(e: RigEntry, now: number): HealthView {
  return {
    liveness: e.health.liveness,
    restarting: isRestarting(e.health, now),
    minerState: e.health.minerState,
    failureCode: e.snapshot?.failureCode ?? null,
    failureDescription: e.snapshot?.failureDescription ?? null,
  };
}

// An entry is replaced, never changed: its view is built once and reused by every publish until the next poll
// result (only `restarting` depends on the time, so it is part of the key).
const views = new WeakMap<RigEntry, RigLive>();

export function liveOf(id: string, e: RigEntry, now: number): RigLive {
  const restarting = isRestarting(e.health, now);
  const known = views.get(e);
  if (known !== undefined && known.rigId === id && known.restarting === restarting) return known;
  const live = buildLive(id, e, restarting);
  views.set(e, live);
  return live;
}

function buildLive(id: string, e: RigEntry, restarting: boolean): RigLive {
  return toRigLive({
    rigId: id,
    snapshot: e.snapshot,
    liveness: e.health.liveness,
    restarting,
    poll: e.poll,
    pool: e.pool,
    health: e.check.step,
  });
}

/** What a health state was last evaluated on, so the same inputs are not judged twice. */
type Evaluated = {
  snapshot: RigEntry['snapshot'];
  liveness: RigEntry['health']['liveness'];
  poll: RigEntry['poll'];
  pool: RigEntry['pool'];
  restarting: boolean;
  settings: HealthSettings;
};
const evaluatedOn = new WeakMap<RigHealthState, Evaluated>();

/**
 * The entry with its health evaluated at `now` (after a poll result or the passing of time). A rig with nothing
 * pending (no finding waiting on time) and the very inputs it was last judged on is as it was: the end-of-cycle
 * pass over a healthy fleet costs a few comparisons per rig, not a second evaluation.
 */
export function withHealth(id: string, e: RigEntry, now: number, settings: HealthSettings): RigEntry {
  const commandedRestart = isRestarting(e.health, now);
  const seen = evaluatedOn.get(e.check);
  if (
    seen !== undefined &&
    e.check.memory.since.size === 0 &&
    seen.snapshot === e.snapshot &&
    seen.liveness === e.health.liveness &&
    seen.poll === e.poll &&
    seen.pool === e.pool &&
    seen.restarting === commandedRestart &&
    seen.settings === settings
  ) {
    return e;
  }
  const live = toRigLive({
    rigId: id,
    snapshot: e.snapshot,
    liveness: e.health.liveness,
    restarting: commandedRestart,
    poll: e.poll,
    pool: e.pool,
    withChains: false,
  });
  const view = {
    live,
    snapshot: e.snapshot,
    state: e.check,
    workerUnseen: e.pool.workerUnseen ?? null,
    commandedRestart,
  };
  const check = evaluateRig(view, settings, now);
  evaluatedOn.set(check, {
    snapshot: e.snapshot,
    liveness: e.health.liveness,
    poll: e.poll,
    pool: e.pool,
    restarting: commandedRestart,
    settings,
  });
  return check === e.check ? e : { ...e, check };
}

export type RigDetails = {
  source: Source | null;
  /** When the identity/state detail and the slow tier were last read. */
  detailAtMs: number | null;
  slowAtMs: number | null;
  chipsAtMs: number | null;
  restartRequired: boolean | null;
  rebootRequired: boolean | null;
  presets: SlowDetail['presets'];
  model: SlowDetail['model'];
  chips: SlowDetail['chips'];
  /** Pool slots as configured; the stratum password stays inside the collector. */
  pools: Array<{ url: string; user: string }> | null;
  errors: string[];
};

export function detailsOf(e: RigEntry): RigDetails {
  const s = e.slow;
  return {
    source: e.source,
    detailAtMs: e.detail?.atMs ?? null,
    slowAtMs: s?.atMs ?? null,
    chipsAtMs: s?.chipsAtMs ?? null,
    restartRequired: e.snapshot?.restartRequired ?? null,
    rebootRequired: e.snapshot?.rebootRequired ?? null,
    presets: s?.presets ?? null,
    model: s?.model ?? null,
    chips: s?.chips ?? null,
    pools: s?.pools?.map((p) => ({ url: p.url, user: p.user })) ?? null,
    errors: s?.errors ?? [],
  };
}

/** Every rig's view at `now`. */
export function liveViews(entries: ReadonlyMap<string, RigEntry>, now: number): Map<string, RigLive> {
  const out = new Map<string, RigLive>();
  for (const [id, e] of entries) out.set(id, liveOf(id, e, now));
  return out;
}

/** One rig's view at `now`; null when the collector does not know it (removed). */
export function liveOfId(entries: ReadonlyMap<string, RigEntry>, id: string, now: number): RigLive | null {
  const e = entries.get(id);
  return e === undefined ? null : liveOf(id, e, now);
}

/** One rig's detail view; null when the collector does not know it. */
export function detailsOfId(entries: ReadonlyMap<string, RigEntry>, id: string): RigDetails | null {
  const e = entries.get(id);
  return e === undefined ? null : detailsOf(e);
}
