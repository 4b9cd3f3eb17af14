/**
 * Vnish replies → the normalized RigSnapshot (shared/rig.ts). Pure: the caller passes the parsed
 * replies it got (null for the ones that failed) and the time. Never throws for any parsed input.
 *
 * Units: every REST hashrate (`hr_*`, chain `hashrate_*`) is in the miner's `hr_measure` unit — MH/s
 * on scrypt, GH/s on SHA-256 (docs/vnish.md §3.4, §7) — and is converted to MH/s here, once.
 */
import {
  asChainState,
  asMinerState,
  asPoolStatus,
  normalizeMac,
  normalizeSerial,
  type ChainSnapshot,
  type FanSnapshot,
  type PoolSnapshot,
  type PresetSnapshot,
  type RigSnapshot,
  type TempRange,
} from '../../../shared/rig';
import {
  efficiencyJPerMh,
  parseHashUnit,
  parsePresetPretty,
  parseUptimeSeconds,
  toMhs,
  type HashUnit,
} from '../../../shared/units';
import { algorithmFromModelName } from '../models';
import { type Info } from './schemas-info';
import { type ChainStats, type FanStats, type PoolStats, type Status, type Summary } from './schemas-summary';
import { type PerfSummary } from './schemas-tuning';
import { versionFromMinerType } from './version';

export type VnishReplies = {
  info: Info | null;
  summary: Summary | null;
  status: Status | null;
  perf: PerfSummary | null;
};

export type NormalizeOptions = {
  takenAtMs: number;
  /** Sections that failed to load, carried into the snapshot's `incomplete`. */
  incomplete?: string[];
  /**
   * Unit to assume when nothing tells it (hr_measure "N/A" or /info unavailable, and no algorithm or
   * recognisable model name). A GAP in the references; MH/s because RigDeck's fleet is scrypt.
   */
  fallbackHashUnit?: HashUnit;
};

/** hr_measure first; then the algorithm; then the model name; then the configured fallback. */
export function vnishHashUnit(info: Info | null, minerType: string | null, fallback: HashUnit): HashUnit {
  const stated = parseHashUnit(info?.hr_measure ?? null);
  if (stated) return stated;
  const statedAlgorithm =
    info?.algorithm === 'scrypt' || info?.algorithm === 'sha256d' ? info.algorithm : null;
  const algorithm = statedAlgorithm ?? algorithmFromModelName(info?.miner ?? info?.model ?? minerType);
  if (algorithm === 'scrypt') return 'MH/s';
  if (algorithm === 'sha256d') return 'GH/s';
  return fallback;
}

function range(r: { min: number | null; max: number | null } | null): TempRange {
  return { minC: r?.min ?? null, maxC: r?.max ?? null };
}

/** Ids must be integers in the snapshot; a garbled one falls back to the position. */
function intOr(value: number | null, fallback: number): number {
  return value !== null && Number.isSafeInteger(value) ? value : fallback;
}

function count(value: number | null): number {
  return value === null ? 0 : Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.round(value)));
}

function chainOf(c: ChainStats, index: number, unit: HashUnit): ChainSnapshot {
  const grades = c.chip_statuses
    ? {
        grey: count(c.chip_statuses.grey),
        orange: count(c.chip_statuses.orange),
        red: count(c.chip_statuses.red),
      }
    : null;
  const stateRaw = c.status?.state ?? null;
  return {
    id: intOr(c.id, index + 1),
    state: asChainState(stateRaw),
    stateRaw,
    description: c.status?.description ?? null,
    frequencyMhz: c.frequency,
    voltageMv: c.voltage,
    powerW: c.power_consumption,
    hashrateMhs: toMhs(c.hashrate_rt, unit),
    idealHashrateMhs: toMhs(c.hashrate_ideal, unit),
    hashratePercent: c.hashrate_percentage,
    hwErrors: c.hw_errors,
    chipTemp: range(c.chip_temp),
    boardTemp: range(c.pcb_temp),
    chipGrades: grades,
    chipCount: grades ? Math.min(Number.MAX_SAFE_INTEGER, grades.grey + grades.orange + grades.red) : null,
    inletWaterTempC: c.inlet_water_temp,
    outletWaterTempC: c.outlet_water_temp,
  };
}

function fanOf(f: FanStats, index: number): FanSnapshot {
  const status = f.status === 'ok' || f.status === 'lost' ? f.status : 'unknown';
  return { id: intOr(f.id, index), rpm: f.rpm, maxRpm: f.max_rpm, status };
}

const POOL_KINDS: Record<string, PoolSnapshot['kind']> = {
  userpool: 'user',
  devfee: 'devfee',
  refund: 'refund',
};

function poolOf(p: PoolStats, index: number): PoolSnapshot {
  const url = p.url ?? '';
  const kind = POOL_KINDS[(p.pool_type ?? '').toLowerCase()] ?? (url === 'DevFee' ? 'devfee' : 'unknown');
  return {
    id: intOr(p.id, index),
    url,
    user: p.user ?? '',
    kind,
    status: asPoolStatus(p.status),
    statusRaw: p.status,
    accepted: p.accepted,
    rejected: p.rejected,
    stale: p.stale,
    difficulty: p.diff === '' ? null : p.diff,
    pingMs: p.ping,
  };
}

// /info and /perf-summary are read on the detail cadence and kept: every poll between two reads passes the same
// objects, so what is derived from them alone (parsed preset figures, identity) is derived once per read.
const presets = new WeakMap<PerfSummary, PresetSnapshot | null>();

function presetOf(perf: PerfSummary | null): PresetSnapshot | null {
  if (perf === null) return null;
  let preset = presets.get(perf);
  if (preset === undefined) {
    preset = readPreset(perf);
    presets.set(perf, preset);
  }
  return preset;
}

function readPreset(perf: PerfSummary | null): PresetSnapshot | null {
  const current = perf?.current_preset;
  if (!current || current.name === null) return null;
  const figures = parsePresetPretty(current.pretty);
  const status = current.status === 'tuned' || current.status === 'untuned' ? current.status : 'unknown';
  return {
    name: current.name,
    pretty: current.pretty,
    status,
    watts: figures.watts,
    hashrateMhs: figures.hashrateMhs,
    globalsFreqMhz: current.globals?.freq ?? null,
    globalsVolt10mV: current.globals?.volt ?? null,
  };
}

/** "Antminer L7 (Vnish 1.2.7)" → "Antminer L7". */
function modelFromMinerType(minerType: string | null): string | null {
  if (minerType === null) return null;
  const name = minerType.replace(/\s*\(.*$/, '').trim();
  return name === '' ? null : name;
}

function algorithmOf(info: Info | null, model: string | null): RigSnapshot['identity']['algorithm'] {
  const stated = info?.algorithm;
  if (stated === 'scrypt' || stated === 'sha256d') return stated;
  return algorithmFromModelName(model) ?? 'unknown';
}

type Identity = RigSnapshot['identity'];
type FromInfo = {
  minerType: string | null;
  fallback: HashUnit;
  unit: HashUnit;
  identity: Identity;
  uptimeSec: number | null;
};
const fromInfo = new WeakMap<Info, FromInfo>();

function identityOf(info: Info | null, minerType: string | null, unit: HashUnit): Identity {
  const net = info?.system?.network_status ?? null;
  const model = info?.miner ?? modelFromMinerType(minerType);
  const fwFromType = minerType !== null && /vnish/i.test(minerType) ? 'Vnish' : null;
  return {
    firmware: info?.fw_name ?? fwFromType,
    firmwareVersion: info?.fw_version ?? versionFromMinerType(minerType),
    model,
    modelCode: info?.model ?? null,
    serial: normalizeSerial(info?.serial ?? null),
    mac: normalizeMac(net?.mac ?? null),
    hostname: net?.hostname ?? null,
    ip: net?.ip ?? null,
    algorithm: algorithmOf(info, model),
    reportedHashUnit: unit,
  };
}

/** The identity (and /info's uptime), derived once per /info read and miner type. */
function infoPart(info: Info | null, minerType: string | null, fallback: HashUnit): FromInfo {
  const known = info === null ? undefined : fromInfo.get(info);
  if (known !== undefined && known.minerType === minerType && known.fallback === fallback) return known;
  const unit = vnishHashUnit(info, minerType, fallback);
  const part: FromInfo = {
    minerType,
    fallback,
    unit,
    identity: identityOf(info, minerType, unit),
    uptimeSec: parseUptimeSeconds(info?.system?.uptime ?? null),
  };
  if (info !== null) fromInfo.set(info, part);
  return part;
}

export function normalizeVnish(replies: VnishReplies, options: NormalizeOptions): RigSnapshot {
  const { info, status, perf } = replies;
  const miner = replies.summary?.miner ?? null;
  const minerType = miner?.miner_type ?? null;
  const { identity, unit, uptimeSec } = infoPart(info, minerType, options.fallbackHashUnit ?? 'MH/s');
  const ms = miner?.miner_status ?? null;
  const stateRaw = ms?.miner_state ?? status?.miner_state ?? null;
  const hashrateMhs = toMhs(miner?.hr_realtime ?? null, unit);
  const powerW = miner?.power_consumption ?? null;

  return {
    takenAtMs: options.takenAtMs,
    source: 'vnish-rest',
    identity,
    minerState: asMinerState(stateRaw),
    minerStateRaw: stateRaw,
    minerStateSec: ms?.miner_state_time ?? status?.miner_state_time ?? null,
    failureCode: ms?.failure_code ?? status?.failure_code ?? null,
    failureDescription: ms?.description ?? status?.description ?? null,
    throttledPercent: ms?.throttled ?? status?.throttled ?? null,
    restartRequired: status?.restart_required ?? null,
    rebootRequired: status?.reboot_required ?? null,
    uptimeSec,
    minerUptimeSec: null,
    hashrateMhs,
    averageHashrateMhs: toMhs(miner?.hr_average ?? null, unit),
    nominalHashrateMhs: toMhs(miner?.hr_nominal ?? null, unit),
    stockHashrateMhs: toMhs(miner?.hr_stock ?? null, unit),
    errorHashrateMhs: toMhs(miner?.hr_error ?? null, unit),
    powerW,
    // Computed rather than read: `power_efficiency` is J/TH on SHA-256 and only INFERRED J/GH on scrypt.
    efficiencyJPerMh: efficiencyJPerMh(powerW, hashrateMhs),
    hwErrors: miner?.hw_errors ?? null,
    hwErrorsPercent: miner?.hw_errors_percent ?? null,
    chipTemp: range(miner?.chip_temp ?? null),
    boardTemp: range(miner?.pcb_temp ?? null),
    chains: (miner?.chains ?? []).map((c, i) => chainOf(c, i, unit)),
    fans: (miner?.cooling?.fans ?? []).map(fanOf),
    fanDutyPercent: miner?.cooling?.fan_duty ?? null,
    fanMode: miner?.cooling?.settings?.mode?.name ?? null,
    pools: (miner?.pools ?? []).map(poolOf),
    preset: presetOf(perf),
    incomplete: [
      ...(options.incomplete ?? []),
      ...(replies.summary !== null && miner === null ? ['summary: no miner data yet'] : []),
    ],
  };
}
