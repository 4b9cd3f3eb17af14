/**
 * cgminer RPC sections → RigSnapshot, the telemetry fallback when REST is down or locked. Pure.
 * What RPC cannot tell stays null: miner state, failure code, preset, serial, MAC.
 *
 * Units (docs/vnish.md §5, §7): bmminer labels its rates "GHS" but Bitmain has long put MH/s in them on
 * scrypt (L3+ "GHS 5s":"515.179"); `rate_unit` says which when present. See rpcHashUnit.
 */
import { asPoolStatus, type PoolSnapshot, type RigSnapshot } from '../../../shared/rig';
import { efficiencyJPerMh, parseHashUnit, toMhs, type HashUnit } from '../../../shared/units';
import { toNumber, toText } from '../lenient';
import { algorithmFromModelName, findModel, type ModelSpec } from '../models';
import { versionFromMinerType } from '../vnish/version';
import { type RpcPool, type RpcStats, type RpcSummary, type RpcVersion } from './schemas';
import { chainsFromStats, fansFromStats } from './stats';

export type RpcReplies = {
  summary: RpcSummary | null;
  stats: RpcStats | null;
  pools: RpcPool[] | null;
  version: RpcVersion | null;
};

export type RpcNormalizeOptions = {
  takenAtMs: number;
  /** The address polled, reported as the rig's IP (RPC does not say). */
  ip?: string;
  /** Force the unit of the GHS/MHS fields, for firmware whose labels are known to lie. */
  hashUnit?: HashUnit;
  incomplete?: string[];
};

const UNITS: HashUnit[] = ['KH/s', 'MH/s', 'GH/s', 'TH/s'];

/**
 * The unit the RPC rates are really in. Order: caller override; `rate_unit`; for a scrypt model
 * (by catalog or name) MH/s whatever the label says; else the label (GHS → GH/s, MHS → MH/s).
 * Then a safety net (INFERRED): for a catalog model, a reading 1000× off its nominal class moves one
 * unit, because a 1000× wrong hashrate is the one error this app must never show.
 */
export function rpcHashUnit(args: {
  override?: HashUnit;
  rateUnit: string | null;
  label: 'GHS' | 'MHS';
  modelText: string | null;
  sample: number | null;
  model: ModelSpec | null;
}): HashUnit {
  if (args.override) return args.override;
  const stated = parseHashUnit(args.rateUnit);
  const scrypt = args.model !== null || algorithmFromModelName(args.modelText) === 'scrypt';
  const base: HashUnit = stated ?? (scrypt ? 'MH/s' : args.label === 'GHS' ? 'GH/s' : 'MH/s');
  const { model, sample } = args;
  if (!model || sample === null || sample <= 0) return base;
  const mhs = toMhs(sample, base) ?? 0;
  const at = UNITS.indexOf(base);
  if (mhs > model.nominalRangeMhs.max * 20 && at > 0) return UNITS[at - 1] ?? base;
  if (mhs < model.nominalRangeMhs.min / 200 && at >= 0 && at < UNITS.length - 1) return UNITS[at + 1] ?? base;
  return base;
}

function poolStatus(p: RpcPool): PoolSnapshot['status'] {
  const s = (p.Status ?? '').toLowerCase();
  if (s === 'alive') return p['Stratum Active'] === true ? 'active' : 'working';
  if (s === 'dead') return 'offline';
  return asPoolStatus(s === '' ? null : s);
}

function poolOf(p: RpcPool, index: number): PoolSnapshot {
  const url = p.URL ?? '';
  return {
    id: p.POOL !== null && Number.isSafeInteger(p.POOL) ? p.POOL : index,
    url,
    user: p.User ?? '',
    kind: url === 'DevFee' ? 'devfee' : 'user',
    status: poolStatus(p),
    statusRaw: p.Status,
    accepted: p.Accepted,
    rejected: p.Rejected,
    stale: p.Stale,
    difficulty: p.Diff === '' ? null : p.Diff,
    pingMs: null,
  };
}

function minMax(values: Array<number | null>): { minC: number | null; maxC: number | null } {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? { minC: null, maxC: null } : { minC: Math.min(...v), maxC: Math.max(...v) };
}

function sum(values: Array<number | null>): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0);
}

export function normalizeRpc(replies: RpcReplies, options: RpcNormalizeOptions): RigSnapshot {
  const { summary, stats, version } = replies;
  const detail = stats?.detail ?? {};
  const typeText = stats?.identity?.Type ?? version?.Type ?? null;
  const model = findModel(typeText);
  const isVnish = typeText !== null && /vnish/i.test(typeText);
  // cgminer proper says "MHS 5s"; bmminer says "GHS 5s". With no summary, stats carries GHS too.
  const ghs5s = summary?.['GHS 5s'] ?? toNumber(detail['GHS 5s']);
  const mhs5s = summary?.['MHS 5s'] ?? null;
  const label: 'GHS' | 'MHS' = ghs5s === null && mhs5s !== null ? 'MHS' : 'GHS';
  const rtRaw = label === 'GHS' ? ghs5s : mhs5s;
  const avRaw =
    label === 'GHS' ? (summary?.['GHS av'] ?? toNumber(detail['GHS av'])) : (summary?.['MHS av'] ?? null);
  const unit = rpcHashUnit({
    ...(options.hashUnit ? { override: options.hashUnit } : {}),
    rateUnit: toText(detail['rate_unit']),
    label,
    modelText: typeText,
    sample: rtRaw,
    model,
  });
  const chains = chainsFromStats(detail, unit, model?.chains ?? null);
  const hashrateMhs = toMhs(rtRaw, unit);
  const powerW = sum(chains.map((c) => c.powerW));

  return {
    takenAtMs: options.takenAtMs,
    source: 'cgminer-rpc',
    identity: {
      firmware: isVnish ? 'Vnish' : null,
      firmwareVersion: isVnish
        ? versionFromMinerType(typeText)
        : (version?.Miner ?? stats?.identity?.Miner ?? null),
      model: typeText === null ? null : typeText.replace(/\s*\(.*$/, '').trim() || null,
      modelCode: null,
      serial: null,
      mac: null,
      hostname: null,
      ip: options.ip ?? null,
      algorithm: model ? 'scrypt' : (algorithmFromModelName(typeText) ?? 'unknown'),
      reportedHashUnit: unit,
    },
    minerState: 'unknown',
    minerStateRaw: null,
    minerStateSec: null,
    failureCode: null,
    failureDescription: null,
    throttledPercent: null,
    restartRequired: null,
    rebootRequired: null,
    uptimeSec: null,
    minerUptimeSec: summary?.Elapsed ?? toNumber(detail['Elapsed']),
    hashrateMhs,
    averageHashrateMhs: toMhs(avRaw, unit),
    nominalHashrateMhs: toMhs(toNumber(detail['total_rateideal']), unit),
    stockHashrateMhs: null,
    errorHashrateMhs: null,
    powerW,
    efficiencyJPerMh: efficiencyJPerMh(powerW, hashrateMhs),
    hwErrors: summary?.['Hardware Errors'] ?? null,
    hwErrorsPercent: summary?.['Device Hardware%'] ?? null,
    chipTemp: minMax(chains.flatMap((c) => [c.chipTemp.minC, c.chipTemp.maxC])),
    boardTemp: minMax(chains.flatMap((c) => [c.boardTemp.minC, c.boardTemp.maxC])),
    chains,
    fans: fansFromStats(detail),
    fanDutyPercent: null,
    fanMode: null,
    pools: (replies.pools ?? []).map(poolOf),
    preset: null,
    incomplete: options.incomplete ?? [],
  };
}
