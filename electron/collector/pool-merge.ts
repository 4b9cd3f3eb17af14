/**
 * Pool-reported hashrate per rig, pure: the ProHashing connector's worker list and worker ↔ rig mapping in,
 * each rig's pool figures and the fleet's pool total out. Rigs that share one worker name cannot be told apart
 * at the pool (it merges them), so they get no per-rig figure, and the total counts each worker once.
 */
import { type ProHashingState } from '../../shared/pool';
import { type RigPoolInput } from './pool-port';
import { type PoolFigures } from './live';

export type PoolView = {
  byRig: ReadonlyMap<string, PoolFigures>;
  totalMhs: number | null;
  /** Workers the pool credits that no rig claims. */
  unmatchedWorkers: readonly string[];
};

export const NO_POOL: PoolFigures = { poolHashrateMhs: null, workerName: null };

const H_PER_MH = 1e6;

export function poolView(state: Pick<ProHashingState, 'workers' | 'mapping'>): PoolView {
  const workers = new Map(state.workers.map((w) => [w.name, w]));
  const shared = new Set(state.mapping.duplicateWorkerNames.flatMap((d) => d.rigIds));
  const byRig = new Map<string, PoolFigures>();
  const counted = new Set<string>();
  let total: number | null = null;
  for (const m of state.mapping.matched) {
    const w = workers.get(m.worker);
    const mhs = w === undefined ? null : w.hashrateHs / H_PER_MH;
    if (w !== undefined && mhs !== null && !counted.has(w.name)) {
      counted.add(w.name);
      total = (total ?? 0) + mhs;
    }
    const prev = byRig.get(m.rigId);
    const workerName = prev?.workerName ?? m.worker;
    if (shared.has(m.rigId)) {
      byRig.set(m.rigId, { poolHashrateMhs: null, workerName });
      continue;
    }
    // A rig matched under several names (failover slots) mines under each in turn: add them up.
    const sum =
      prev?.poolHashrateMhs === null || prev === undefined ? mhs : prev.poolHashrateMhs + (mhs ?? 0);
    byRig.set(m.rigId, { poolHashrateMhs: sum, workerName });
  }
  // The rig names a worker the pool does not know right now: show the name, not a number.
  for (const u of state.mapping.rigsWithUnknownWorker) {
    if (!byRig.has(u.rigId))
      byRig.set(u.rigId, { poolHashrateMhs: null, workerName: u.worker, workerUnseen: true });
  }
  return { byRig, totalMhs: total, unmatchedWorkers: state.mapping.workersWithoutRig };
}

export function samePoolFigures(a: PoolFigures, b: PoolFigures): boolean {
  return (
    a.poolHashrateMhs === b.poolHashrateMhs &&
    a.workerName === b.workerName &&
    (a.workerUnseen ?? null) === (b.workerUnseen ?? null)
  );
}

export function samePoolInputs(a: readonly RigPoolInput[], b: readonly RigPoolInput[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const o = b[i];
    if (o === undefined || o.rigId !== r.rigId || o.pools.length !== r.pools.length) return false;
    return r.pools.every((p, j) => {
      const q = o.pools[j];
      return q !== undefined && q.url === p.url && q.user === p.user && q.password === p.password;
    });
  });
}
