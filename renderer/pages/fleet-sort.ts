import type { RigRecord } from '../../shared/fleet';
import { healthRank, severityRank } from '../../shared/problem';
import type { RigLive } from '../../shared/telemetry';

export type SortKey = 'problems' | 'name' | 'hashrate' | 'temp';

type Compare = (a: RigRecord, b: RigRecord) => number;

// One collator for every comparison: localeCompare with options builds one per call, which made sorting a
// thousand rigs the Fleet page's longest task (bench/ui-fleet.ts).
const names = new Intl.Collator(undefined, { numeric: true });
const byName = (a: RigRecord, b: RigRecord) => names.compare(a.name, b.name);

/**
 * "Problems first": worst health, then the worst problem's severity, then the oldest problem (a fault that has
 * lasted an hour comes before one that began a minute ago), then by name. A rig never polled counts as unknown.
 */
export function compareByProblems(a: RigLive | undefined, b: RigLive | undefined): number {
  const ha = healthRank(a?.health ?? 'unknown');
  const hb = healthRank(b?.health ?? 'unknown');
  if (ha !== hb) return hb - ha;
  const pa = a?.problems[0];
  const pb = b?.problems[0];
  if (pa && pb) return severityRank(pb.severity) - severityRank(pa.severity) || pa.sinceMs - pb.sinceMs;
  return pa ? -1 : pb ? 1 : 0;
}

export function sortRigs(
  rigs: readonly RigRecord[],
  live: ReadonlyMap<string, RigLive>,
  key: SortKey,
): RigRecord[] {
  const desc =
    (v: (l: RigLive) => number | null): Compare =>
    (a, b) => {
      const va = live.get(a.id);
      const vb = live.get(b.id);
      return (vb ? (v(vb) ?? -Infinity) : -Infinity) - (va ? (v(va) ?? -Infinity) : -Infinity) || 0;
    };
  const primary: Record<SortKey, Compare> = {
    problems: (a, b) => compareByProblems(live.get(a.id), live.get(b.id)),
    hashrate: desc((l) => l.hashrateMhs),
    temp: desc((l) => l.chipTempMaxC),
    name: () => 0,
  };
  return [...rigs].sort((a, b) => primary[key](a, b) || byName(a, b));
}
