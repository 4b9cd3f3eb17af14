// @vitest-environment node
// Health inputs for the rule tests: a healthy L7 read over REST, online, any part overridable; and a runner that
// steps one rig's health through a series of snapshots.
import { toRigLive } from '../../../../electron/collector/live';
import { stepHealth, type HealthStep } from '../../../../electron/health/evaluate';
import {
  emptyMemory,
  type HealthInput,
  type HealthMemory,
  type RuleContext,
} from '../../../../electron/health/types';
import { MODEL_CATALOG } from '../../../../electron/miners/models';
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings } from '../../../../shared/health-settings';
import { type RigSnapshot } from '../../../../shared/rig';
import { type Liveness } from '../../../../shared/telemetry';
import { snap as collectorSnap, T0 } from '../collector/fixtures';

export { chainSnap, T0 } from '../collector/fixtures';

/** A healthy L7's reading; its uptime runs with the clock (a rig that did not restart) unless given. */
export function snap(over: Partial<RigSnapshot> = {}): RigSnapshot {
  const at = over.takenAtMs ?? T0;
  return collectorSnap({ uptimeSec: 3600 + Math.round((at - T0) / 1000), ...over });
}

export const MIN = 60_000;

export type InputOver = Partial<Omit<HealthInput, 'live'>> & {
  liveness?: Liveness;
  lastError?: string | null;
  poolHashrateMhs?: number | null;
  workerName?: string | null;
};

export function input(s: RigSnapshot | null = snap(), over: InputOver = {}): HealthInput {
  const live = toRigLive({
    rigId: 'r',
    snapshot: s,
    liveness: over.liveness ?? (s === null ? 'unknown' : 'online'),
    restarting: over.commandedRestart ?? false,
    poll: { lastPollMs: s?.takenAtMs ?? null, lastError: over.lastError ?? null },
    pool: { poolHashrateMhs: over.poolHashrateMhs ?? null, workerName: over.workerName ?? null },
  });
  return {
    live,
    snapshot: s,
    model: over.model === undefined ? MODEL_CATALOG.L7 : over.model,
    implausible: over.implausible ?? [],
    degraded: over.degraded ?? null,
    workerUnseen: over.workerUnseen ?? null,
    commandedRestart: over.commandedRestart ?? false,
  };
}

export function ctx(
  i: HealthInput,
  memory: HealthMemory = emptyMemory(),
  settings = DEFAULT_HEALTH_SETTINGS,
): RuleContext {
  return { input: i, memory, settings, nowMs: i.snapshot?.takenAtMs ?? T0 };
}

/** Steps health through `inputs` (each evaluated at its snapshot's time); returns every step. */
export function run(inputs: HealthInput[], settings: HealthSettings = DEFAULT_HEALTH_SETTINGS): HealthStep[] {
  let memory = emptyMemory();
  const out: HealthStep[] = [];
  for (const i of inputs) {
    const step = stepHealth(memory, i, settings, i.snapshot?.takenAtMs ?? T0);
    memory = step.memory;
    out.push(step);
  }
  return out;
}

export const codes = (s: HealthStep | undefined): string[] => (s?.problems ?? []).map((p) => p.code);
