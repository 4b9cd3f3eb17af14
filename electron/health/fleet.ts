/**
 * Health over the fleet in one cycle: each rig's step from its live view, and the fleet's own problems (pool
 * workers no rig claims). What the collector and the bench call.
 */
import { type Problem } from '../../shared/health';
import { type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { type RigLive } from '../../shared/telemetry';
import { type ModelSpec } from '../miners/models';
import { type HealthStep, stepHealth } from './evaluate';
import { type HealthMemory } from './types';

/** What the collector keeps per rig for health, besides the liveness it already tracks. */
export type RigHealthState = {
  memory: HealthMemory;
  step: HealthStep | null;
  model: ModelSpec | null;
  implausible: readonly string[];
  degraded: string | null;
};

export type RigHealthView = {
  live: RigLive;
  snapshot: RigSnapshot | null;
  state: RigHealthState;
  workerUnseen: boolean | null;
  commandedRestart: boolean;
};

export function evaluateRig(v: RigHealthView, settings: HealthSettings, nowMs: number): RigHealthState {
  const step = stepHealth(
    v.state.memory,
    {
      live: v.live,
      snapshot: v.snapshot,
      model: v.state.model,
      implausible: v.state.implausible,
      degraded: v.state.degraded,
      workerUnseen: v.workerUnseen,
      commandedRestart: v.commandedRestart,
    },
    settings,
    nowMs,
  );
  const prev = v.state.step;
  // Nothing new (the usual poll of a healthy rig): the state as it was, so the entry is not copied either.
  if (
    prev !== null &&
    step.memory === v.state.memory &&
    step.health === prev.health &&
    sameProblems(step.problems, prev.problems)
  ) {
    return v.state;
  }
  return { ...v.state, memory: step.memory, step };
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as Problem;
    const q = b[i] as Problem;
    if (
      p.code !== q.code ||
      p.subject !== q.subject ||
      p.severity !== q.severity ||
      p.text !== q.text ||
      p.sinceMs !== q.sinceMs
    ) {
      return false;
    }
  }
  return true;
}
