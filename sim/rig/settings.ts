// Vnish settings: defaults per model and firmware family, and the partial-merge semantics of
// POST /settings (docs/vnish.md §3.7: nested partial objects are merged, pools are sent as a whole list).
import { type ModelSpec } from './models';
import { type FwFamily, type MinerSettings, type PoolSlot, type Settings } from './types';

const MISC_COMMON = {
  asic_boost: false,
  quiet_mode: false,
  quick_start: false,
  restart_hashrate: 0,
  max_restart_attempts: 3,
  min_operational_chains: 1,
  disable_restart_unbalanced: false,
  disable_chain_break_protection: false,
  disable_volt_checks: false,
  ignore_broken_sensors: false,
  ignore_chip_sensors: false,
  downscale_preset_on_failure: false,
  auto_chip_throttling: true,
  tuner_bad_chip_hr_threshold: 50,
  max_startup_delay_time: 0,
  bitmain_disable_volt_comp: false,
};

const MISC_12_ONLY = { higher_volt_offset: 0, remain_stopped_on_reboot: false };
const MISC_13_ONLY = {
  min_startup_delay_time: 0,
  power_limit: 0,
  power_limit_enabled: false,
  keep_hashing_when_offline: false,
  automatic_pause_on_boot: false,
  restore_miner_state_on_reboot: false,
  retune_on_chain_break: false,
  allow_disabling_chains_without_pics: false,
};

export function emptyPool(): PoolSlot {
  return { url: '', user: '', pass: '' };
}

/** Exactly three pool slots, padding with empty ones (SPEC: prefixItems ×3). */
export function threeSlots(list: readonly PoolSlot[]): [PoolSlot, PoolSlot, PoolSlot] {
  return [list[0] ?? emptyPool(), list[1] ?? emptyPool(), list[2] ?? emptyPool()];
}

export function defaultMinerSettings(model: ModelSpec, family: FwFamily, restartTemp: number): MinerSettings {
  const misc = {
    ...MISC_COMMON,
    restart_temp: restartTemp,
    ...(family === '1.2' ? MISC_12_ONLY : MISC_13_ONLY),
  };
  const switcher: MinerSettings['overclock']['preset_switcher'] = {
    enabled: false,
    top_preset: null,
    min_preset: null,
    decrease_temp: 75,
    rise_temp: 55,
    check_time: 300,
    autochange_top_preset: false,
    ignore_fan_speed: false,
  };
  if (family === '1.2') switcher['power_delta'] = 0;
  const cooling: MinerSettings['cooling'] = {
    fan_min_count: model.fans,
    fan_min_duty: 10,
    fan_max_duty: 100,
    mode: { name: 'auto', param: model.fanTargetTemp },
  };
  if (family === '1.3') cooling.min_startup_water_temp = 0;
  return {
    cooling,
    misc,
    overclock: {
      preset: 'disabled',
      globals: { freq: model.defaultFreq, volt: model.defaultVolt },
      chains: Array.from({ length: model.chains }, () => ({ freq: 0, chips: [], disabled: false })),
      modded_psu: false,
      preset_switcher: switcher,
    },
    pools: [emptyPool(), emptyPool(), emptyPool()],
  };
}

export function defaultSettings(
  model: ModelSpec,
  family: FwFamily,
  net: { ip: string; hostname: string },
  restartTemp: number,
): Settings {
  return {
    miner: defaultMinerSettings(model, family, restartTemp),
    network: {
      hostname: net.hostname,
      dhcp: true,
      ipaddress: net.ip,
      netmask: '255.255.255.0',
      gateway: '',
      dnsservers: [],
    },
    regional: { timezone: { current: 'GMT' } },
    ui: { dark_side_pane: false, disable_animation: false, locale: 'en', theme: 'auto', timezone: 'GMT' },
    layout: null,
  };
}

/** Keep only the misc/cooling keys a firmware family knows, when a rig changes family on upgrade. */
export function adaptToFamily(s: MinerSettings, model: ModelSpec, family: FwFamily): MinerSettings {
  const base = defaultMinerSettings(model, family, Number(s.misc['restart_temp'] ?? model.restartTemp));
  const misc: MinerSettings['misc'] = {};
  for (const key of Object.keys(base.misc))
    misc[key] = key in s.misc ? (s.misc[key] ?? null) : (base.misc[key] ?? null);
  const switcher: MinerSettings['overclock']['preset_switcher'] = {};
  for (const key of Object.keys(base.overclock.preset_switcher)) {
    switcher[key] = s.overclock.preset_switcher[key] ?? base.overclock.preset_switcher[key] ?? null;
  }
  const cooling = { ...s.cooling };
  if (family === '1.2') delete cooling.min_startup_water_temp;
  else cooling.min_startup_water_temp ??= 0;
  return { ...s, misc, cooling, overclock: { ...s.overclock, preset_switcher: switcher } };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, arrays and scalars replace, null leaves the value as is. */
export function mergeJson<T>(target: T, patch: unknown): T {
  if (!isObject(patch) || !isObject(target))
    return (patch === null || patch === undefined ? target : patch) as T;
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? mergeJson(current, value) : (value as Json);
  }
  return out as T;
}

/** Pool URLs are accepted with or without a scheme and reported without one (docs/vnish.md §4, INFERRED). */
export function stripScheme(url: string): string {
  return url.replace(/^[a-z+]+:\/\//i, '');
}

export type SettingsChange = { restart: boolean; reboot: boolean };

/**
 * Which flags a saved change raises. docs/vnish.md §8: preset, pool or overclock changes need a mining
 * restart; only network or password changes need a reboot (INFERRED).
 */
export function changeFlags(before: Settings, after: Settings, passwordChanged: boolean): SettingsChange {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const restart =
    !same(before.miner.overclock, after.miner.overclock) ||
    !same(before.miner.pools, after.miner.pools) ||
    !same(before.miner.misc['asic_boost'], after.miner.misc['asic_boost']);
  const reboot = !same(before.network, after.network) || passwordChanged;
  return { restart, reboot };
}
