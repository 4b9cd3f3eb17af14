/**
 * What the UI sees of each rig and of the fleet, pure: a normalized snapshot plus liveness → RigLive; every
 * RigLive → FleetSummary (sums over online rigs only, so a stale number is never added as if current); and the
 * diff that lets events carry only the rigs that changed.
 */
import { type Problem } from '../../shared/health';
import { type ChainSnapshot, type RigSnapshot } from '../../shared/rig';
import { type FleetSummary, type Liveness, type RigLive } from '../../shared/telemetry';

export type PollNote = { lastPollMs: number | null; lastError: string | null };
export type PoolFigures = {
  poolHashrateMhs: number | null;
  workerName: string | null;
  /** The rig names a worker the pool does not know right now (null: not mined on the pool, or not known). */
  workerUnseen?: boolean | null;
};

// Plain loops, no arrays built: these run for every rig at every poll and every health evaluation.
const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

export function chipTempMax(s: RigSnapshot): number | null {
  let best = finite(s.chipTemp.maxC) ? s.chipTemp.maxC : null;
  for (const c of s.chains) {
    const v = c.chipTemp.maxC;
    if (finite(v) && (best === null || v > best)) best = v;
  }
  return best;
}

export function boardTempMax(s: RigSnapshot): number | null {
  let best = finite(s.boardTemp.maxC) ? s.boardTemp.maxC : null;
  for (const c of s.chains) {
    const v = c.boardTemp.maxC;
    if (finite(v) && (best === null || v > best)) best = v;
  }
  return best;
}

/** The slowest fan, lost ones included: a stopped fan is the minimum the alerting has to see. */
export function fanRpmMin(s: RigSnapshot): number | null {
  let best: number | null = null;
  for (const f of s.fans) if (finite(f.rpm) && (best === null || f.rpm < best)) best = f.rpm;
  return best;
}

const IMMERSION = /immers/i;

/** Null in immersion mode: fans are unplugged by design there, not lost. */
export function fansLost(s: RigSnapshot): number | null {
  if (s.fans.length === 0) return null;
  if (s.fanMode !== null && IMMERSION.test(s.fanMode)) return null;
  let lost = 0;
  for (const f of s.fans) if (f.status === 'lost') lost += 1;
  return lost;
}

function chainLive(c: ChainSnapshot): RigLive['chains'][number] {
  return {
    id: c.id,
    state: c.state,
    hashrateMhs: c.hashrateMhs,
    chipTempMaxC: c.chipTemp.maxC,
    frequencyMhz: c.frequencyMhz,
    chipsRed: c.chipGrades?.red ?? null,
    chipsOrange: c.chipGrades?.orange ?? null,
  };
}

export type RigLiveInput = {
  rigId: string;
  /** The health rules' verdict; unknown and none before they ran. */
  health?: Pick<RigLive, 'health' | 'problems'> | null;
  snapshot: RigSnapshot | null;
  liveness: Liveness;
  restarting: boolean;
  poll: PollNote;
  pool: PoolFigures;
  /** False for the health rules' own view: they read chains from the snapshot, so none are copied for them. */
  withChains?: boolean;
};

export function toRigLive(i: RigLiveInput): RigLive {
  const s = i.snapshot;
  return {
    rigId: i.rigId,
    liveness: i.liveness,
    takenAtMs: s?.takenAtMs ?? null,
    lastPollMs: i.poll.lastPollMs,
    lastError: i.poll.lastError,
    minerState: s?.minerState ?? 'unknown',
    restarting: i.restarting,
    failureCode: s?.failureCode ?? null,
    failureDescription: s?.failureDescription ?? null,
    hashrateMhs: s?.hashrateMhs ?? null,
    nominalHashrateMhs: s?.nominalHashrateMhs ?? null,
    powerW: s?.powerW ?? null,
    efficiencyJPerMh: s?.efficiencyJPerMh ?? null,
    chipTempMaxC: s === null ? null : chipTempMax(s),
    boardTempMaxC: s === null ? null : boardTempMax(s),
    fanRpmMin: s === null ? null : fanRpmMin(s),
    fansLost: s === null ? null : fansLost(s),
    uptimeSec: s?.uptimeSec ?? null,
    preset: s?.preset?.name ?? null,
    chains: s === null || i.withChains === false ? [] : s.chains.map(chainLive),
    poolHashrateMhs: i.pool.poolHashrateMhs,
    workerName: i.pool.workerName,
    health: i.health?.health ?? 'unknown',
    problems: i.health?.problems ?? [],
  };
}

/**
 * Counts by liveness; by miner state for online rigs (plus `restarting` for any rig restarting, reachable or
 * not), since a stale rig's last state is not its current one. Hashrate, nominal and power sum online rigs;
 * efficiency is over the online rigs that report both power and hashrate. The pool figure is passed in: it
 * comes from the pool, deduplicated by worker, not from the rigs.
 */
export function summarize(
  lives: Iterable<RigLive>,
  asOfMs: number,
  poolHashrateMhs: number | null,
  fleetProblems: Problem[] = [],
): FleetSummary {
  const rigs = { total: 0, online: 0, stale: 0, offline: 0, unknown: 0 };
  const byMinerState: Record<string, number> = {};
  const byHealth = { ok: 0, warning: 0, critical: 0, unknown: 0 };
  let missingHashrateMhs = 0;
  let hashrateMhs = 0;
  let nominalHashrateMhs = 0;
  let powerW = 0;
  let effPower = 0;
  let effHash = 0;
  for (const r of lives) {
    rigs.total += 1;
    rigs[r.liveness] += 1;
    const state = r.restarting ? 'restarting' : r.liveness === 'online' ? r.minerState : null;
    if (state !== null) byMinerState[state] = (byMinerState[state] ?? 0) + 1;
    byHealth[r.health] += 1;
    const live = r.liveness === 'online' ? Math.max(0, r.hashrateMhs ?? 0) : 0;
    missingHashrateMhs += Math.max(0, (r.nominalHashrateMhs ?? 0) - live);
    if (r.liveness !== 'online') continue;
    hashrateMhs += r.hashrateMhs ?? 0;
    nominalHashrateMhs += r.nominalHashrateMhs ?? 0;
    powerW += r.powerW ?? 0;
    if (r.powerW !== null && r.hashrateMhs !== null && r.hashrateMhs > 0) {
      effPower += r.powerW;
      effHash += r.hashrateMhs;
    }
  }
  return {
    asOfMs,
    rigs: { ...rigs, byMinerState, byHealth },
    hashrateMhs,
    nominalHashrateMhs,
    poolHashrateMhs,
    powerW,
    efficiencyJPerMh: effHash > 0 ? effPower / effHash : null,
    missingHashrateMhs,
    fleetProblems,
  };
}

function sameChains(a: RigLive['chains'], b: RigLive['chains']): boolean {
  if (a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i];
    return (
      d !== undefined &&
      c.id === d.id &&
      c.state === d.state &&
      c.hashrateMhs === d.hashrateMhs &&
      c.chipTempMaxC === d.chipTempMaxC &&
      c.frequencyMhz === d.frequencyMhz &&
      c.chipsRed === d.chipsRed &&
      c.chipsOrange === d.chipsOrange
    );
  });
}

/**
 * Whether two views of a rig differ in anything worth an event. `lastPollMs` alone is not: a silent rig is
 * re-polled every few seconds and nothing the UI shows changes; it travels with the next real change.
 */
export function sameLive(a: RigLive, b: RigLive): boolean {
  if (a === b) return true;
  // A fixed list, not Object.keys: this runs for every rig at every publish.
  for (const key of SCALAR_KEYS) if (a[key] !== b[key]) return false;
  return sameChains(a.chains, b.chains) && sameProblems(a.problems, b.problems);
}

type ScalarKey = Exclude<keyof RigLive, 'chains' | 'lastPollMs' | 'problems'>;
// Every key of RigLive but those compared apart (or not at all): the record makes the compiler list them all.
const SCALAR_KEY_SET: Record<ScalarKey, true> = {
  rigId: true,
  liveness: true,
  takenAtMs: true,
  lastError: true,
  minerState: true,
  restarting: true,
  failureCode: true,
  failureDescription: true,
  hashrateMhs: true,
  nominalHashrateMhs: true,
  powerW: true,
  efficiencyJPerMh: true,
  chipTempMaxC: true,
  boardTempMaxC: true,
  fanRpmMin: true,
  fansLost: true,
  uptimeSec: true,
  preset: true,
  poolHashrateMhs: true,
  workerName: true,
  health: true,
};
const SCALAR_KEYS = Object.keys(SCALAR_KEY_SET) as ScalarKey[];

function sameProblems(a: RigLive['problems'], b: RigLive['problems']): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i];
    return (
      q !== undefined &&
      p.code === q.code &&
      p.subject === q.subject &&
      p.severity === q.severity &&
      p.text === q.text &&
      p.sinceMs === q.sinceMs
    );
  });
}

export type LiveDiff = { changed: RigLive[]; removed: string[] };

/** The rigs of `next` that are new or differ from `prev`, and the ids `prev` had that `next` lacks. */
export function changedSince(
  prev: ReadonlyMap<string, RigLive>,
  next: ReadonlyMap<string, RigLive>,
): LiveDiff {
  const changed: RigLive[] = [];
  for (const [id, live] of next) {
    const before = prev.get(id);
    if (before === undefined || !sameLive(before, live)) changed.push(live);
  }
  const removed = [...prev.keys()].filter((id) => !next.has(id));
  return { changed, removed };
}
