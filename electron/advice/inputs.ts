/**
 * The engine's inputs gathered from what the core already holds: the registry's rigs, the collector's live
 * views, snapshots and presets (read on the slow tier), and one bulk read of recent history.
 */
import { type RigRecord } from '../../shared/fleet';
import { type RigSnapshot } from '../../shared/rig';
import { type RigLive } from '../../shared/telemetry';
import { parsePresetPretty } from '../../shared/units';
import { type RigDetails } from '../collector/collector';
import { findModel } from '../miners/models';
import { type PresetItem } from '../miners/vnish/schemas-tuning';
import { type RecentHistoryReader } from '../store/history-recent';
import { type PresetOption, type RigAdviceInput, HOUR_MS } from './types';

// A rig's preset list is read on the slow tier and kept: parsed once per read, not at every evaluation.
const parsed = new WeakMap<readonly PresetItem[], PresetOption[]>();

/** The presets a rig may be switched to, with their expected figures; those that need a modded PSU left out. */
export function presetOptions(items: readonly PresetItem[] | null): PresetOption[] | null {
  if (items === null) return null;
  let options = parsed.get(items);
  if (options === undefined) {
    options = readOptions(items);
    parsed.set(items, options);
  }
  return options;
}

function readOptions(items: readonly PresetItem[]): PresetOption[] {
  const out: PresetOption[] = [];
  for (const p of items) {
    if (p.modded_psu_required === true || p.name === 'disabled') continue;
    const fig = parsePresetPretty(p.pretty);
    const watts = fig.watts ?? (Number.isFinite(Number(p.name)) ? Number(p.name) : null);
    const mhs = fig.hashrateMhs;
    if (watts === null || mhs === null || watts <= 0 || mhs <= 0) continue;
    out.push({ name: p.name, watts, hashrateMhs: mhs, tuned: p.status === 'tuned' });
  }
  return out;
}

export type GatherDeps = {
  rigs(): readonly RigRecord[];
  live(): readonly RigLive[];
  snapshot(rigId: string): RigSnapshot | null;
  details(rigId: string): Pick<RigDetails, 'presets'> | null;
  recent: RecentHistoryReader;
  /** The chips window (health settings), in ms. */
  chipsWindowMs(): number;
};

export function gatherInputs(deps: GatherDeps, nowMs: number): RigAdviceInput[] {
  const live = new Map(deps.live().map((l) => [l.rigId, l]));
  const history = deps.recent({
    nowMs,
    // A day in all: the last three hours at 5 minutes (the trend's line), the rest hourly.
    fiveMinuteMs: 3 * HOUR_MS,
    hourlyMs: 21 * HOUR_MS,
    chainsAgoMs: deps.chipsWindowMs(),
  });
  const out: RigAdviceInput[] = [];
  for (const rig of deps.rigs()) {
    const l = live.get(rig.id);
    if (l === undefined) continue;
    out.push({
      rigId: rig.id,
      name: rig.name,
      model: findModel(rig.model)?.code ?? rig.model,
      live: l,
      snapshot: deps.snapshot(rig.id),
      presets: presetOptions(deps.details(rig.id)?.presets ?? null),
      history: history.get(rig.id) ?? null,
    });
  }
  return out;
}
