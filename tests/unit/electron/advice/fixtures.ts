// @vitest-environment node
// Engine inputs for the rule and service tests: a healthy L7 mining on preset 3425 with the usual presets,
// any part overridable.
import { toRigLive } from '../../../../electron/collector/live';
import {
  type AdviceContext,
  type PresetOption,
  type RigAdviceInput,
} from '../../../../electron/advice/types';
import { DEFAULT_HEALTH_SETTINGS } from '../../../../shared/health-settings';
import { type Problem } from '../../../../shared/health';
import { type RigSnapshot } from '../../../../shared/rig';
import { snap, T0 } from '../collector/fixtures';

export { chainSnap, snap, T0 } from '../collector/fixtures';

export const PRESETS: PresetOption[] = [
  { name: '2900', watts: 2900, hashrateMhs: 8300, tuned: false },
  { name: '3200', watts: 3200, hashrateMhs: 9000, tuned: false },
  { name: '3425', watts: 3425, hashrateMhs: 9500, tuned: true },
  { name: '3700', watts: 3700, hashrateMhs: 10100, tuned: false },
];

export type RigOver = {
  id?: string;
  name?: string;
  snapshot?: Partial<RigSnapshot>;
  workerName?: string | null;
  problems?: Problem[];
  presets?: PresetOption[] | null;
  history?: RigAdviceInput['history'];
};

export function rig(over: RigOver = {}): RigAdviceInput {
  const id = over.id ?? 'r1';
  const s = snap(over.snapshot ?? {});
  const live = toRigLive({
    rigId: id,
    snapshot: s,
    liveness: 'online',
    restarting: false,
    poll: { lastPollMs: s.takenAtMs, lastError: null },
    pool: { poolHashrateMhs: null, workerName: over.workerName ?? null },
  });
  return {
    rigId: id,
    name: over.name ?? id,
    model: 'L7',
    live: { ...live, problems: over.problems ?? [] },
    snapshot: s,
    presets: over.presets === undefined ? PRESETS : over.presets,
    history: over.history ?? null,
  };
}

export function context(over: Partial<AdviceContext> = {}): AdviceContext {
  return {
    nowMs: T0,
    health: DEFAULT_HEALTH_SETTINGS,
    pricePerKwh: 0.1,
    currency: 'USD',
    revenuePerMhDay: null,
    ...over,
  };
}
