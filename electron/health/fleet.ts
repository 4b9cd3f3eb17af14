/**
 * Health over the fleet in one cycle: each rig's step from its live view, and the fleet's own problems (pool
 * workers no rig claims). What the collector and the bench call.
 */
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
  return { ...v.state, memory: step.memory, step };
}
