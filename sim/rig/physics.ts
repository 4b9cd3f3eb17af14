// The rig's physical behaviour as pure functions: operating point from the preset, fan control,
// airflow, thermal lag, and per-chain hashrate and power. No state, no clock, no randomness of its
// own: callers pass noise in, so a seeded run is repeatable.
import { findPreset, stockPoint, type ModelSpec } from './models';
import { type Chain, type Fan, type FanMode, type MinerSettings } from './types';

export type OperatingPoint = { watts: number; mhs: number; freq: number; volt: number };

export function operatingPoint(model: ModelSpec, s: MinerSettings): OperatingPoint {
  const preset = findPreset(model, s.overclock.preset);
  if (preset) return { watts: preset.watts, mhs: preset.mhs, freq: preset.freq, volt: preset.volt };
  const freq = s.overclock.globals.freq || model.defaultFreq;
  const { watts, mhs } = stockPoint(model, freq);
  return { watts, mhs, freq, volt: s.overclock.globals.volt || model.defaultVolt };
}

/** Exact solution of first-order lag: stable for any step size, so `--speed` can take big steps. */
export function lag(current: number, target: number, dtSec: number, tauSec: number): number {
  if (tauSec <= 0) return target;
  return target + (current - target) * Math.exp(-dtSec / tauSec);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Share of design airflow reaching the boards: working fans × duty, minus dust. */
export function airflow(fans: readonly Fan[], duty: number, clogged: number): number {
  if (fans.length === 0) return 0.05;
  const working = fans.filter((f) => !f.lost).length / fans.length;
  return Math.max(0.05, working * (duty / 100) * (1 - clamp(clogged, 0, 0.95)));
}

export type FanLimits = { minDuty: number; maxDuty: number };

/**
 * Auto mode is a proportional controller on the hottest chip towards the target temperature; manual
 * holds the set duty; immersion runs at 100 with no fans expected (docs/vnish.md §7, fan failure).
 */
export function nextFanDuty(
  duty: number,
  mode: FanMode,
  chipMax: number,
  dtSec: number,
  limits: FanLimits,
  phase: 'hashing' | 'boot' | 'idle',
): number {
  if (mode.name === 'immers') return 100;
  if (mode.name === 'manual') return clamp(mode.param, limits.minDuty, limits.maxDuty);
  if (phase === 'boot') return limits.maxDuty;
  if (phase === 'idle')
    return clamp(Math.max(limits.minDuty, duty - 5 * dtSec), limits.minDuty, limits.maxDuty);
  const gainPerSec = 0.6;
  const next = duty + (chipMax - mode.param) * gainPerSec * Math.min(dtSec, 10);
  return clamp(next, Math.max(limits.minDuty, 20), limits.maxDuty);
}

export function fanRpm(maxRpm: number, duty: number, lost: boolean, noise: number): number {
  if (lost) return 0;
  return clamp(Math.round((maxRpm * duty) / 100 + noise * 40), 0, maxRpm);
}

/** Equilibrium chip temperature for a chain drawing `watts` in the given airflow. */
export function chipTargetTemp(model: ModelSpec, ambient: number, watts: number, flow: number): number {
  return ambient + (watts * model.thermalResistance * (model.chains / 3)) / (0.25 + 0.75 * flow);
}

export function pcbFromChip(ambient: number, chip: number): number {
  return ambient + 0.72 * (chip - ambient);
}

export const CHIP_TAU_SEC = 45;
export const PCB_TAU_SEC = 120;

export type ChainLoad = { hashrate: number; watts: number };

/**
 * Hashrate and power of one chain. Grey chips hash fully, orange ones at half rate, red ones not
 * at all (docs/vnish.md §3.4 chip_statuses). `hashing` is false in every state but mining/auto-tuning.
 */
export function chainLoad(
  model: ModelSpec,
  point: OperatingPoint,
  chain: Pick<Chain, 'red' | 'orange' | 'fault'>,
  hashing: boolean,
  throttle: number,
  noise: number,
): ChainLoad {
  if (chain.fault) return { hashrate: 0, watts: 0 };
  if (!hashing) return { hashrate: 0, watts: model.idleWattsPerChain };
  const chips = model.chipsPerChain;
  const effective = (chips - chain.red - chain.orange * 0.5) / chips;
  const perChainMhs = point.mhs / model.chains;
  const perChainWatts = point.watts / model.chains;
  const t = throttle / 100;
  const hashrate = Math.max(0, perChainMhs * effective * t * (1 + noise * 0.015));
  const drawFraction = (chips - chain.red * 0.8) / chips;
  const watts =
    model.idleWattsPerChain +
    (perChainWatts - model.idleWattsPerChain) * drawFraction * t * (1 + noise * 0.004);
  return { hashrate, watts };
}

/** Running average like hr_average: a slow exponential mean (INFERRED window of ~10 min). */
export function averageStep(avg: number, realtime: number, dtSec: number): number {
  return lag(avg, realtime, dtSec, 600);
}

/**
 * Expected number of accepted shares in `dtSec` for a scrypt rig: hashes / (diff × 2^16). Returned
 * as a float; callers carry the fraction.
 */
export function expectedShares(mhs: number, diff: number, dtSec: number): number {
  if (diff <= 0) return 0;
  return (mhs * 1e6 * dtSec) / (diff * 65536);
}
