/**
 * A rig hashing well below its siblings (same model, same preset): the same settings should give the same
 * hashrate within a few percent, so a rig 10 % under the median of at least two others has something of its
 * own (a weak board, an ageing PSU, a bad tune). Each rig's figure is its last hour's average where history
 * has one, else its reading now.
 */
import {
  type AdviceRule,
  type RigAdviceInput,
  type SiblingIndex,
  HOUR_MS,
  fmtNum,
  isMiningNow,
  recId,
  round,
} from './types';

const SHORTFALL = 0.1;
const MIN_GROUP = 3;

export const siblingKey = (r: RigAdviceInput): string | null =>
  r.model === null || r.live.preset === null ? null : `${r.model}|${r.live.preset}`;

/** The rig's hashrate over the last hour (5-minute averages and the reading now), or null when not mining. */
export function recentHashrate(r: RigAdviceInput, nowMs: number): number | null {
  if (!isMiningNow(r.live) || r.live.hashrateMhs === null) return null;
  let sum = r.live.hashrateMhs;
  let n = 1;
  for (const p of r.history?.points ?? []) {
    if (p.atMs >= nowMs - HOUR_MS && p.hashrateMhs !== null) {
      sum += p.hashrateMhs;
      n += 1;
    }
  }
  return sum / n;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}

export function siblingIndex(rigs: readonly RigAdviceInput[], nowMs: number): SiblingIndex {
  const groups = new Map<string, number[]>();
  for (const r of rigs) {
    const key = siblingKey(r);
    const mhs = key === null ? null : recentHashrate(r, nowMs);
    if (key === null || mhs === null) continue;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [mhs]);
    else list.push(mhs);
  }
  const out = new Map<string, { medianMhs: number; count: number }>();
  for (const [key, list] of groups) out.set(key, { medianMhs: median(list), count: list.length });
  return out;
}

export const underperformingRule: AdviceRule = (rig, ctx, siblings) => {
  const key = siblingKey(rig);
  const group = key === null ? undefined : siblings.get(key);
  if (group === undefined || group.count < MIN_GROUP || group.medianMhs <= 0) return null;
  const mhs = recentHashrate(rig, ctx.nowMs);
  if (mhs === null) return null;
  const short = 1 - mhs / group.medianMhs;
  if (short < SHORTFALL) return null;
  const pct = Math.round(short * 100);
  return {
    // Whole 5 % steps: the figure moves every poll, the finding does not.
    fingerprint: `${rig.live.preset}:${Math.floor(pct / 5)}`,
    rec: {
      id: recId('underperforming', rig.rigId),
      rigId: rig.rigId,
      kind: 'underperforming',
      source: 'builtin',
      title: `Hashing ${pct} % below its siblings`,
      reason:
        `${fmtNum(mhs)} MH/s over the last hour, where the ${group.count} ${rig.model} rigs on preset ` +
        `${rig.live.preset} make ${fmtNum(group.medianMhs)} MH/s (median). Same model and settings should hash ` +
        'alike: look at its hash boards (chips, connectors), its PSU and its tune.',
      evidence: [
        { label: 'hashrate (1 h)', value: round(mhs), unit: 'MH/s' },
        { label: 'siblings (median)', value: round(group.medianMhs), unit: 'MH/s' },
        { label: 'siblings', value: group.count - 1, unit: 'rigs' },
        { label: 'shortfall', value: pct, unit: '%' },
      ],
      chart: { metric: 'hashrate_mhs', hours: 24 },
      expectedEffect: `Up to ${fmtNum(group.medianMhs - mhs)} MH/s back once the cause is found.`,
      confidence: Math.min(0.9, 0.5 + 0.05 * group.count),
      action: null,
      createdAtMs: ctx.nowMs,
    },
  };
};
