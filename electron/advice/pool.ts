/**
 * Pool-side advice: a high share of rejected shares (network latency, a wrong difficulty, an overclock giving
 * bad results), a worker name the pool has never seen (typo, another account), and a worker name that is not the
 * rig's name (the pool's figures then land on a name nobody recognises on the Earnings page).
 */
import { type PoolSnapshot } from '../../shared/rig';
import { type AdviceRule, fmtNum, isMiningNow, recId, round } from './types';

/** Fewer shares than this since the miner started say nothing about a rate. */
const MIN_SHARES = 200;

function userPool(pools: readonly PoolSnapshot[]): PoolSnapshot | null {
  let best: PoolSnapshot | null = null;
  for (const p of pools) {
    if (p.kind !== 'user' && p.kind !== 'unknown') continue;
    if (best === null || (p.accepted ?? 0) > (best.accepted ?? 0)) best = p;
  }
  return best;
}

export const rejectRateRule: AdviceRule = (rig, ctx) => {
  const pool = rig.snapshot === null ? null : userPool(rig.snapshot.pools);
  if (pool === null || !isMiningNow(rig.live)) return null;
  const acc = pool.accepted ?? 0;
  const rej = pool.rejected ?? 0;
  if (acc + rej < MIN_SHARES) return null;
  const rate = rej / (acc + rej);
  const limit = ctx.health.rejectShare;
  if (rate <= limit) return null;
  const pct = rate * 100;
  return {
    fingerprint: `${pool.id}:${Math.floor(pct)}`,
    rec: {
      id: recId('reject-rate', rig.rigId),
      rigId: rig.rigId,
      kind: 'reject-rate',
      source: 'builtin',
      title: `${fmtNum(pct, 1)} % of shares rejected`,
      reason:
        `Pool ${pool.id + 1} (${pool.url}) rejected ${fmtNum(rej)} of ${fmtNum(acc + rej)} shares since the miner ` +
        `started, above the ${fmtNum(limit * 100, 1)} % the settings allow. Check the rig's network path to the ` +
        'pool (latency, packet loss), the pool region, and whether an overclock makes it return bad shares.',
      evidence: [
        { label: 'rejected', value: round(pct, 2), unit: '%' },
        { label: 'rejected shares', value: rej, unit: 'shares' },
        { label: 'accepted shares', value: acc, unit: 'shares' },
      ],
      chart: { metric: 'pool_hashrate_mhs', hours: 24 },
      expectedEffect: `About ${fmtNum(pct - limit * 100, 1)} % more of its hashrate credited by the pool.`,
      confidence: Math.min(0.9, 0.5 + (acc + rej) / 10_000),
      action: null,
      createdAtMs: ctx.nowMs,
    },
  };
};

export const unknownWorkerRule: AdviceRule = (rig, ctx) => {
  const problem = rig.live.problems.find((p) => p.code === 'pool-no-worker');
  if (problem === undefined || rig.live.workerName === null) return null;
  const worker = rig.live.workerName;
  const minutes = Math.max(0, Math.round((ctx.nowMs - problem.sinceMs) / 60_000));
  return {
    fingerprint: worker,
    rec: {
      id: recId('unknown-worker', rig.rigId),
      rigId: rig.rigId,
      kind: 'unknown-worker',
      source: 'builtin',
      title: `The pool does not know worker "${worker}"`,
      reason:
        `The rig mines as "${worker}" but the pool account has reported no such worker for ${minutes} min: its ` +
        'shares may go to another account, or the pool password (n=…) is mistyped. Check the pool settings.',
      evidence: [{ label: 'unseen for', value: minutes, unit: 'min' }],
      chart: { metric: 'pool_hashrate_mhs', hours: 24 },
      expectedEffect: "The rig's hashrate credited to the farm's account.",
      confidence: 0.6,
      action: null,
      createdAtMs: ctx.nowMs,
    },
  };
};

const norm = (s: string) => s.trim().toLowerCase();

export const workerNameRule: AdviceRule = (rig, ctx) => {
  const worker = rig.live.workerName;
  if (worker === null || rig.live.liveness !== 'online' || norm(worker) === norm(rig.name)) return null;
  return {
    fingerprint: `${worker}|${rig.name}`,
    rec: {
      id: recId('worker-name-mismatch', rig.rigId),
      rigId: rig.rigId,
      kind: 'worker-name-mismatch',
      source: 'builtin',
      title: `Worker "${worker}" is not named after the rig`,
      reason:
        `The rig is "${rig.name}" in RigDeck but mines as worker "${worker}" (the n= in its pool password). ` +
        "The pool's figures and payouts are then filed under a name that matches no rig: rename the rig, or set " +
        "the worker to the rig's name in its pool settings.",
      evidence: [],
      chart: { metric: 'pool_hashrate_mhs', hours: 24 },
      expectedEffect: "The pool's per-worker figures line up with the rig on the Earnings page.",
      confidence: 0.9,
      action: null,
      createdAtMs: ctx.nowMs,
    },
  };
};
