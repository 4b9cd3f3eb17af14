/**
 * A firmware rollout as waves (docs/vnish.md §12): the canary rigs alone, then the rest `waveSize` at a time;
 * each wave must come through the health gate before the next starts. Pure.
 */
import { type Rollout } from '../../../shared/control';
import { type JobRig } from '../../../shared/jobs';

export type Wave = { label: string; rigIds: string[] };

export function planRollout(rigIds: readonly string[], r: Rollout): Wave[] {
  const canary = rigIds.slice(0, r.canary);
  const waves: Wave[] = [{ label: canary.length === 1 ? 'canary' : 'canaries', rigIds: canary }];
  for (let i = r.canary, n = 1; i < rigIds.length; i += r.waveSize, n++) {
    waves.push({ label: `wave ${n}`, rigIds: rigIds.slice(i, i + r.waveSize) });
  }
  return waves.filter((w) => w.rigIds.length > 0);
}

export type WaveVerdict = { pass: true } | { pass: false; reason: string };

/**
 * A wave passes when every rig it upgraded came through (a rig refused before sending was not touched and
 * says nothing of the image). `names` words a rig for the report.
 */
export function waveVerdict(
  wave: Wave,
  rigs: readonly JobRig[],
  names: (rigId: string) => string,
): WaveVerdict {
  const inWave = new Set(wave.rigIds);
  const bad = rigs.filter((r) => inWave.has(r.rigId) && r.state !== 'done' && r.state !== 'refused');
  if (bad.length === 0) return { pass: true };
  const why = bad.map((r) => `${names(r.rigId)}: ${r.message ?? r.state}`).join('; ');
  return { pass: false, reason: `The ${wave.label} gate failed (${why})` };
}
