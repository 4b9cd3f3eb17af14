/**
 * Hash boards: a chain in failure or disconnected (initializing is not failed: it is coming up), a chain the
 * model has but the miner does not report while it mines, and orange/red chips growing over a window.
 */
import { type RigSnapshot } from '../../shared/rig';
import { type HealthSettings } from '../../shared/health-settings';
import { type Finding, type HealthMemory, isMining, MINUTE, type Rule, type Sample, NONE } from './types';

const FAILED = new Set(['failure', 'disconnected']);

export const chainsRule: Rule = ({ input }) => {
  const s = input.snapshot;
  if (s === null) return NONE;
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
  // A read that came back incomplete (RPC `stats` failing) did not see the chains: that is not them missing.
  if (expected !== null && isMining(input) && s.incomplete.length === 0 && s.chains.length < expected) {
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
    // A failed chain grades every chip red: that is the chain failing (its own problem), not chips ageing.
    if (c.chipGrades === null || c.state !== 'mining') continue;
    graded = true;
    bad += c.chipGrades.orange + c.chipGrades.red;
  }
  return graded ? bad : null;
}

/**
 * A ring of samples at least `everyMs` apart over the window: a handful of numbers per rig, and most polls
 * (sooner than `everyMs` after the last sample) leave it as it is, without a copy.
 */
export function keepSample(
  ring: readonly Sample[],
  s: Sample,
  windowMs: number,
  everyMs: number,
): readonly Sample[] {
  const last = ring[ring.length - 1];
  if (last !== undefined && s.atMs - last.atMs < everyMs) return ring;
  let from = 0;
  while (from < ring.length && s.atMs - (ring[from] as Sample).atMs > windowMs) from += 1;
  const out = ring.slice(from);
  out.push(s);
  return out;
}

export function observeChips(m: HealthMemory, s: RigSnapshot, settings: HealthSettings): HealthMemory {
  const bad = badChips(s);
  if (bad === null) return m.badChips.length === 0 ? m : { ...m, badChips: [] };
  const windowMs = settings.chipsWindowMinutes * MINUTE;
  const ring = keepSample(m.badChips, { atMs: s.takenAtMs, value: bad }, windowMs, windowMs / 6);
  return ring === m.badChips ? m : { ...m, badChips: ring };
}

export const chipsRule: Rule = ({ input, memory, settings }) => {
  const now = input.snapshot === null ? null : badChips(input.snapshot);
  if (now === null || memory.badChips.length === 0) return NONE;
  let low = now;
  for (const x of memory.badChips) low = Math.min(low, x.value);
  const growth = now - low;
  if (growth < settings.chipsGrowth) return NONE;
  return [
    {
      code: 'chips-degrading',
      severity: 'warning',
      text: `${now} orange/red chips, up ${growth} within ${settings.chipsWindowMinutes} min`,
      subject: '',
    },
  ];
};
