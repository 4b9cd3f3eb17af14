/**
 * One hash board going bad: orange and red chips growing on a chain since the start of the chips window (the
 * stored chain samples then, the snapshot now), or one chain counting far more hardware errors than its
 * neighbours on the same rig (the others are the control: same PSU, same air, same tune).
 */
import { type ChainSnapshot } from '../../shared/rig';
import { type AdviceRule, type ChainBaseline, fmtNum, isMiningNow, recId, round } from './types';

/** A chain with this many times its neighbours' median hardware errors (and at least MIN_HW) stands out. */
const HW_RATIO = 5;
const MIN_HW = 1000;

type ChainFinding = {
  chainId: number;
  text: string;
  evidence: { label: string; value: number; unit: string }[];
  key: string;
};

function badChips(c: ChainSnapshot): { red: number; orange: number } | null {
  return c.chipGrades === null ? null : { red: c.chipGrades.red, orange: c.chipGrades.orange };
}

function chipsGrowth(chains: readonly ChainSnapshot[], base: readonly ChainBaseline[], growth: number) {
  let worst: ChainFinding | null = null;
  let worstDelta = 0;
  for (const c of chains) {
    const now = badChips(c);
    const then = base.find((b) => b.chainId === c.id);
    if (now === null || then === undefined) continue;
    const delta = now.red + now.orange - (then.red + then.orange);
    if (delta < growth || delta <= worstDelta) continue;
    worstDelta = delta;
    worst = {
      chainId: c.id,
      key: `chips:${c.id}:${now.red}`,
      text: `orange/red chips on chain ${c.id} grew from ${then.red + then.orange} to ${now.red + now.orange} (${now.red} red)`,
      evidence: [
        { label: `chain ${c.id} bad chips then`, value: then.red + then.orange, unit: 'chips' },
        { label: `chain ${c.id} bad chips now`, value: now.red + now.orange, unit: 'chips' },
        { label: `chain ${c.id} red chips`, value: now.red, unit: 'chips' },
      ],
    };
  }
  return worst;
}

function hwOutlier(chains: readonly ChainSnapshot[]): ChainFinding | null {
  const counts = chains.filter((c) => c.hwErrors !== null).map((c) => ({ id: c.id, hw: c.hwErrors ?? 0 }));
  if (counts.length < 2) return null;
  let worst: ChainFinding | null = null;
  for (const c of counts) {
    const others = counts
      .filter((o) => o.id !== c.id)
      .map((o) => o.hw)
      .sort((a, b) => a - b);
    const mid = others[others.length >> 1] ?? 0;
    if (c.hw < MIN_HW || c.hw < HW_RATIO * Math.max(mid, 1)) continue;
    worst = {
      chainId: c.id,
      // Order of magnitude: errors count up all the time; a tenfold change is news.
      key: `hw:${c.id}:${Math.floor(Math.log10(c.hw))}`,
      text: `chain ${c.id} counts ${fmtNum(c.hw)} hardware errors where the others count about ${fmtNum(mid)}`,
      evidence: [
        { label: `chain ${c.id} HW errors`, value: c.hw, unit: 'errors' },
        { label: 'other chains (median)', value: mid, unit: 'errors' },
      ],
    };
  }
  return worst;
}

export const chainErrorsRule: AdviceRule = (rig, ctx) => {
  const snap = rig.snapshot;
  if (snap === null || !isMiningNow(rig.live)) return null;
  const found =
    chipsGrowth(snap.chains, rig.history?.chains ?? [], ctx.health.chipsGrowth) ?? hwOutlier(snap.chains);
  if (found === null) return null;
  const windowH = ctx.health.chipsWindowMinutes / 60;
  return {
    fingerprint: found.key,
    rec: {
      id: recId('chain-errors', rig.rigId),
      rigId: rig.rigId,
      kind: 'chain-errors',
      source: 'builtin',
      title: `Hash board ${found.chainId} degrading`,
      reason:
        `${found.text.charAt(0).toUpperCase()}${found.text.slice(1)}` +
        (found.key.startsWith('chips') ? ` within ${fmtNum(windowH, 1)} h` : '') +
        '. One board failing while the others hold points at that board (its chips, heat sink or connector), ' +
        'not the rig: inspect or reseat it, and plan a repair before it stops hashing.',
      evidence: found.evidence.map((e) => ({ ...e, value: round(e.value) })),
      chart: { metric: 'hashrate_mhs', hours: 24 },
      expectedEffect: `Keeps chain ${found.chainId}'s third of the hashrate from being lost when the board fails.`,
      confidence: found.key.startsWith('chips') ? 0.7 : 0.6,
      action: null,
      createdAtMs: ctx.nowMs,
    },
  };
};
