// /status and /summary (docs/vnish.md §3.3, §3.4). Values come from the rig record; this file only
// shapes them the way each firmware family reports them.
import { hms, round, shortDiff } from '../util/format';
import { operatingPoint } from '../rig/physics';
import { stripScheme } from '../rig/settings';
import { type Chain, type Rig } from '../rig/types';
import { minerType } from './views-identity';

/** Vnish dev fee share (INFERRED ~2.8 % for scrypt builds; configurable per farm). */
export const DEVFEE_PERCENT = 2.8;

export function minerStatus(rig: Rig, now: number): Record<string, unknown> {
  const p = rig.phase;
  const out: Record<string, unknown> = {
    miner_state: p.state,
    // "For now implemented for `mining` state only" (SPEC MinerStatus.miner_state_time).
    miner_state_time: p.state === 'mining' ? Math.floor((now - p.since) / 1000) : 0,
  };
  if (p.description !== null) out['description'] = p.description;
  if (p.failureCode !== null) out['failure_code'] = p.failureCode;
  if (rig.fw.family === '1.3') out['throttled'] = rig.throttle;
  return out;
}

export function statusView(rig: Rig, now: number, unlocked: boolean, unlockTimeout: number | null): unknown {
  const out: Record<string, unknown> = {
    ...minerStatus(rig, now),
    find_miner: rig.findMiner,
    restart_required: rig.restartRequired,
    reboot_required: rig.rebootRequired,
    unlocked,
    warranty: rig.warranty,
  };
  if (unlockTimeout !== null) out['unlock_timeout'] = unlockTimeout;
  return out;
}

function showsAllRed(rig: Rig, chain: Chain): boolean {
  const s = rig.phase.state;
  return chain.fault !== null || s === 'initializing' || s === 'starting' || s === 'restarting';
}

/** Chip grade counts as shown: every chip red while a chain initializes or has failed (CAP-1.2.0). */
export function chipStatuses(rig: Rig, chain: Chain): { red: number; orange: number; grey: number } {
  const chips = rig.model.chipsPerChain;
  if (showsAllRed(rig, chain)) return { red: chips, orange: 0, grey: 0 };
  return { red: chain.red, orange: chain.orange, grey: chips - chain.red - chain.orange };
}

function tempRange(values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 0 };
  return { min: Math.round(Math.min(...values)), max: Math.round(Math.max(...values)) };
}

function chainView(rig: Rig, chain: Chain): unknown {
  const point = operatingPoint(rig.model, rig.active);
  const ideal = (point.mhs / rig.model.chains) * (rig.throttle / 100);
  const hashing = chain.state === 'mining';
  const disconnected = chain.fault === 'disconnected';
  const chipSpread = [chain.chipTemp - 6, chain.chipTemp];
  const pcbSpread = [chain.pcbTemp - 5, chain.pcbTemp];
  const diff1 = rig.pools.reduce((n, p) => n + p.diffAccepted, 0) / rig.chains.length;
  const hwShare = chain.hwErrors / Math.max(1, chain.hwErrors + diff1);
  return {
    id: chain.id,
    frequency: hashing ? point.freq : 0.0,
    voltage: disconnected ? 0 : point.volt * 10, // chain voltage is mV; globals are 10 mV units
    power_consumption: chain.power,
    hashrate_ideal: round(hashing ? ideal : 0, 2),
    hashrate_rt: round(chain.hashrate, 2),
    hashrate_percentage: hashing && ideal > 0 ? round((chain.hashrate / ideal) * 100, 2) : 0,
    hr_error: round(chain.hashrate * hwShare, 2),
    hw_errors: chain.hwErrors,
    pcb_temp: disconnected ? { min: 0, max: 0 } : tempRange(pcbSpread),
    chip_temp: disconnected ? { min: 0, max: 0 } : tempRange(chipSpread),
    chip_statuses: chipStatuses(rig, chain),
    status:
      chain.description === null
        ? { state: chain.state }
        : { state: chain.state, description: chain.description },
  };
}

function poolViews(rig: Rig, now: number, diff: number): unknown[] {
  const views: unknown[] = [];
  rig.active.pools.forEach((slot, i) => {
    if (slot.url === '') return;
    const rt = rig.pools[i];
    if (!rt) return;
    const live = rt.status === 'active' || rt.status === 'rejecting';
    views.push({
      id: i,
      url: stripScheme(slot.url),
      pool_type: 'UserPool',
      user: slot.user,
      status: rt.status,
      asic_boost: false,
      diff: live ? shortDiff(diff) : '',
      accepted: rt.accepted,
      rejected: rt.rejected,
      stale: rt.stale,
      ls_diff: rt.lastShareAt === null ? 0 : diff,
      ls_time: rt.lastShareAt === null ? '0' : hms((now - rt.lastShareAt) / 1000),
      diffa: rt.diffAccepted,
      ping: live ? 38 + (rig.index % 9) : 0,
    });
  });
  // DevFee pools appear in the list with url "DevFee", even while the miner is in failure (docs/vnish.md §3.4).
  const hashing = rig.phase.state === 'mining' || rig.phase.state === 'auto-tuning';
  views.push({
    id: 3,
    url: 'DevFee',
    pool_type: 'DevFee',
    user: 'DevFee',
    status: hashing ? 'working' : 'unknown',
    asic_boost: false,
    diff: hashing ? shortDiff(diff) : '',
    accepted: rig.devfeeAccepted,
    rejected: 0,
    stale: 0,
    ls_diff: 0,
    ls_time: '0',
    diffa: rig.devfeeAccepted * diff,
    ping: 0,
  });
  return views;
}

export function summaryView(rig: Rig, now: number, poolDiff: number): unknown {
  const point = operatingPoint(rig.model, rig.active);
  const hashing = rig.phase.state === 'mining' || rig.phase.state === 'auto-tuning';
  // Like cgminer's Device Hardware%: HW errors against difficulty-1 work done.
  const diff1 = rig.pools.reduce((n, p) => n + p.diffAccepted, 0);
  const hwPercent = rig.hwErrors === 0 ? 0 : round((rig.hwErrors / (rig.hwErrors + diff1)) * 100, 4);
  const efficiency = rig.hrRealtime > 0 ? round(rig.powerW / (rig.hrRealtime / 1000), 2) : 0;
  const visible = rig.chains.filter((c) => c.fault !== 'disconnected');
  const immersion = rig.active.cooling.mode.name === 'immers';
  const modeName = immersion ? 'immersion' : rig.active.cooling.mode.name;
  const mode: Record<string, unknown> = { name: modeName };
  if (rig.fw.family === '1.3' && rig.active.cooling.mode.name !== 'immers')
    mode['param'] = rig.active.cooling.mode.param;
  const miner: Record<string, unknown> = {
    miner_status: minerStatus(rig, now),
    miner_type: minerType(rig),
    hr_realtime: round(rig.hrRealtime, 2),
    hr_average: round(rig.hrAverage, 2),
    hr_nominal: hashing ? round(point.mhs * (rig.throttle / 100), 2) : 0,
    hr_stock: rig.model.nominalMhs,
    hr_error: round((rig.hrRealtime * hwPercent) / 100, 2),
    average_hashrate: round(rig.hrAverage / 1000, 2),
    instant_hashrate: round(rig.hrRealtime / 1000, 2),
    pcb_temp: tempRange(visible.map((c) => c.pcbTemp)),
    chip_temp: tempRange(visible.map((c) => c.chipTemp)),
    power_consumption: rig.powerW,
    power_efficiency: efficiency,
    power_usage: Math.round(efficiency),
    hw_errors: rig.hwErrors,
    hw_errors_percent: hwPercent,
    devfee: hashing ? round((rig.hrRealtime * DEVFEE_PERCENT) / 100, 2) : 0,
    devfee_percent: DEVFEE_PERCENT,
    found_blocks: rig.foundBlocks,
    best_share: rig.bestShare,
    pools: poolViews(rig, now, poolDiff),
    cooling: {
      fan_num: rig.fans.length,
      fan_duty: Math.round(rig.fanDuty),
      fans: rig.fans.map((f) => ({
        id: f.id,
        rpm: f.rpm,
        status: f.lost ? 'lost' : 'ok',
        max_rpm: rig.model.fanMaxRpm,
      })),
      settings: { mode },
    },
    chains: rig.chains.map((c) => chainView(rig, c)),
  };
  if (rig.fw.family === '1.3') miner['restart_count'] = rig.restartCount;
  return { miner };
}
