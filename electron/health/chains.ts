/**
 * Hash boards: a chain in failure or disconnected (initializing is not failed: it is coming up), a chain the
 * model has but the miner does not report while it mines, and orange/red chips growing over a window.
 */
import { type RigSnapshot } from '../../shared/rig';
import { type HealthSettings } from '../../shared/health-settings';
import { type Finding, type HealthMemory, isMining, MINUTE, type Rule, type Sample } from './types';

const FAILED = new Set(['failure', 'disconnected']);

export const chainsRule: Rule = ({ input }) => {
  const s = input.snapshot;
  if (s === null) return [];
  const out: Finding[] = [];
  for (const c of s.chains) {
    if (!FAILED.has(c.state)) continue;
    const total = c.chipCount ?? input.model?.chipsPerChain ?? null;
    const hashing =
      c.chipGrades === null || (c.hashrateMhs ?? 0) <= 0 ? 0 : c.chipGrades.grey + c.chipGrades.orange;
    const chips = total === null ? '' : `: ${hashing} of ${total} chips hashing`;
    out.push({
      code: 'chain-failed',
      severity: 'critical',
      text: `chain ${c.id} ${c.state}${chips}`,
      subject: String(c.id),
    });
  }
  const expected = input.model?.chains ?? null;
  if (expected !== null && isMining(input) && s.chains.length < expected) {
    out.push({
      code: 'chain-missing',
      severity: 'critical',
      text: `${expected - s.chains.length} chain(s) missing: ${s.chains.length} of ${expected} reported`,
      subject: '',
    });
  }
  return out;
};

export function badChips(s: RigSnapshot): number | null {
  let bad = 0;
  let graded = false;
  for (const c of s.chains) {
    if (c.chipGrades === null) continue;
    graded = true;
    bad += c.chipGrades.orange + c.chipGrades.red;
  }
  return graded ? bad : null;
}

/** Samples kept over the window: one per sixth of it at most, so memory stays a handful of numbers. */
export function keepSample(
  ring: readonly Sample[],
  s: Sample,
  windowMs: number,
  everyMs: number,
): readonly Sample[] {
  const last = ring[ring.length - 1];
  const kept = ring.filter((x) => s.atMs - x.atMs <= windowMs);
  if (last !== undefined && s.atMs - last.atMs < everyMs && kept.length > 0) {
    // Too soon for a new sample: the newest one moves to now (the window's minimum is what growth is against).
    return [...kept.slice(0, -1), s];
  }
  return [...kept, s];
}

export function observeChips(m: HealthMemory, s: RigSnapshot, settings: HealthSettings): HealthMemory {
  const bad = badChips(s);
  if (bad === null) return m.badChips.length === 0 ? m : { ...m, badChips: [] };
  const windowMs = settings.chipsWindowMinutes * MINUTE;
  return {
    ...m,
    badChips: keepSample(m.badChips, { atMs: s.takenAtMs, value: bad }, windowMs, windowMs / 6),
  };
}

export const chipsRule: Rule = ({ memory, settings }) => {
  const ring = memory.badChips;
  const now = ring[ring.length - 1];
  if (now === undefined || ring.length < 2) return [];
  let low = now.value;
  for (const x of ring) low = Math.min(low, x.value);
  const growth = now.value - low;
  if (growth < settings.chipsGrowth) return [];
  return [
    {
      code: 'chips-degrading',
      severity: 'warning',
      text: `${now.value} orange/red chips, up ${growth} within ${settings.chipsWindowMinutes} min`,
      subject: '',
    },
  ];
};
