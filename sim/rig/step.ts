// Advances one rig by one tick: power (reboots), faults, the state machine, physics and share
// accounting. Decisions come from the pure modules; this file only applies them to the record.
import { type Rng } from '../util/random';
import { logStamp } from '../util/format';
import { type FailureCodes, type MachineEvent, type Timing, advance, initialPhase } from './machine';
import {
  airflow,
  averageStep,
  chainLoad,
  chipTargetTemp,
  CHIP_TAU_SEC,
  expectedShares,
  fanRpm,
  lag,
  nextFanDuty,
  operatingPoint,
  PCB_TAU_SEC,
  pcbFromChip,
} from './physics';
import { adaptToFamily, defaultMinerSettings } from './settings';
import { freshChains } from './create';
import { type Rig, familyOf } from './types';

export type StepEnv = {
  now: number;
  ambient: number;
  timing: Timing;
  codes: FailureCodes;
  rng: Rng;
  /** Share difficulty the pool assigns, for share accounting. */
  poolDiff: number;
};

const LOG_CAP = 200;
const METRIC_STEP_MS = 300_000;
const METRIC_CAP = 864; // 3 days at 5 min, the /metrics maximum time_slice

export function addLog(rig: Rig, log: string, now: number, text: string): void {
  const lines = rig.logs[log] ?? (rig.logs[log] = []);
  lines.push(`${logStamp(now)} ${text}`);
  if (lines.length > LOG_CAP) lines.splice(0, lines.length - LOG_CAP);
}

export function annotate(rig: Rig, now: number, type: string, board: number | null = null): void {
  rig.annotations.push({ time: Math.floor(now / 1000), type, board });
  if (rig.annotations.length > 500) rig.annotations.shift();
}

export function isHashingState(rig: Rig): boolean {
  return rig.phase.state === 'mining' || rig.phase.state === 'auto-tuning';
}

/** Reachable on the network: powered, not rebooting, and not cut off by a fault. */
export function isReachable(rig: Rig): boolean {
  return rig.power.kind !== 'down' && !rig.faults.offline;
}

export function scheduleReboot(rig: Rig, now: number, timing: Timing): number {
  if (rig.power.kind === 'on') rig.power = { kind: 'reboot-pending', at: now + timing.rebootAfterSec * 1000 };
  return timing.rebootAfterSec;
}

function applyEvents(rig: Rig, events: MachineEvent[], now: number): void {
  for (const e of events) {
    if (e.kind === 'log') addLog(rig, e.log, now, e.text);
    else if (e.kind === 'annotation') annotate(rig, now, e.type);
    else if (e.kind === 'tuned')
      rig.tuned[rig.active.overclock.preset] = new Date(now).toISOString().slice(0, 19).replace('T', ' ');
  }
}

function bootUp(rig: Rig, env: StepEnv): void {
  const pending = rig.fw.pending;
  if (pending) {
    rig.fw.version = pending.version;
    rig.fw.family = familyOf(pending.version);
    rig.fw.buildTime = new Date(env.now).toISOString().replace('T', ' ').slice(0, 19) + '+00:00';
    rig.fw.pending = null;
    rig.settings.miner = pending.keepSettings
      ? adaptToFamily(rig.settings.miner, rig.model, rig.fw.family)
      : defaultMinerSettings(rig.model, rig.fw.family, rig.model.restartTemp);
    annotate(rig, env.now, 'fw_update');
  }
  rig.power = { kind: 'on' };
  rig.bootedAt = env.now;
  rig.phase = initialPhase(env.now, env.timing);
  rig.active = structuredClone(rig.settings.miner);
  rig.restartRequired = false;
  rig.rebootRequired = false;
  rig.chains = freshChains(rig.model, env.ambient + rig.faults.ambientDelta);
  rig.hrAverage = 0;
  rig.throttle = 100;
  for (const p of rig.pools) p.status = 'unknown';
  addLog(rig, 'system', env.now, 'INFO: System booted');
}

function stepPower(rig: Rig, env: StepEnv): void {
  const p = rig.power;
  if (p.kind === 'reboot-pending' && p.at <= env.now) {
    const t = env.timing;
    const downSec = t.rebootDownMinSec + env.rng.next() * (t.rebootDownMaxSec - t.rebootDownMinSec);
    rig.power = { kind: 'down', until: env.now + downSec * 1000 };
    annotate(rig, env.now, 'reboot');
    addLog(rig, 'system', env.now, 'INFO: Rebooting');
  } else if (p.kind === 'down' && p.until <= env.now) {
    bootUp(rig, env);
  }
  if (
    rig.power.kind === 'on' &&
    rig.faults.rebootLoopSec > 0 &&
    env.now - rig.bootedAt >= rig.faults.rebootLoopSec * 1000
  ) {
    scheduleReboot(rig, env.now, env.timing);
  }
}

function stepChips(rig: Rig, dtSec: number, env: StepEnv): void {
  const chips = rig.model.chipsPerChain;
  for (const chain of rig.chains) {
    const fault = rig.faults.chainFailures[chain.id] ?? null;
    if (fault !== chain.fault) {
      chain.fault = fault;
      annotate(
        rig,
        env.now,
        rig.fw.family === '1.2'
          ? fault
            ? 'disable_chain'
            : 'enable_chain'
          : fault
            ? 'disable_board'
            : 'enable_board',
        chain.id,
      );
      addLog(
        rig,
        'miner',
        env.now,
        fault ? `ERROR: chain#${chain.id} - ${fault}` : `INFO: chain#${chain.id} - connected`,
      );
    }
    if (rig.faults.degrading > 0 && isHashingState(rig) && !chain.fault) {
      // Chips wear from grey to orange, and orange ones fail to red at a third of that rate.
      const perChain = (rig.faults.degrading * dtSec) / 3600 / rig.chains.length;
      const toOrange = (perChain * (chips - chain.red - chain.orange)) / chips;
      if (env.rng.next() < toOrange % 1 || toOrange >= 1)
        chain.orange = Math.min(chips - chain.red, chain.orange + Math.max(1, Math.floor(toOrange)));
      if (chain.orange > 0 && env.rng.next() < perChain / 3) {
        chain.orange -= 1;
        chain.red += 1;
      }
    }
  }
}

export function stepRig(rig: Rig, dtSec: number, env: StepEnv): void {
  stepPower(rig, env);
  const ambient = env.ambient + rig.faults.ambientDelta;
  if (rig.power.kind === 'down') {
    for (const c of rig.chains) {
      c.chipTemp = lag(c.chipTemp, ambient, dtSec, CHIP_TAU_SEC * 4);
      c.pcbTemp = lag(c.pcbTemp, ambient, dtSec, PCB_TAU_SEC * 2);
      c.hashrate = 0;
      c.power = 0;
    }
    rig.hrRealtime = 0;
    rig.powerW = 0;
    return;
  }
  for (const f of rig.fans)
    f.lost = rig.faults.lostFans.includes(f.id) || rig.active.cooling.mode.name === 'immers';
  stepChips(rig, dtSec, env);

  const chipMax = Math.max(...rig.chains.map((c) => c.chipTemp));
  const okFans = rig.fans.filter((f) => !f.lost).length;
  const immersion = rig.active.cooling.mode.name === 'immers';
  const okChains = rig.chains.filter((c) => !c.fault).length;
  const minChains = Number(rig.settings.miner.misc['min_operational_chains'] ?? 1);
  const senses = {
    now: env.now,
    presetTuned:
      rig.active.overclock.preset === 'disabled' || rig.tuned[rig.active.overclock.preset] !== null,
    initFailure: rig.faults.initFailure,
    maxAttempts: Number(rig.settings.miner.misc['max_restart_attempts'] ?? 3),
    fansOk: immersion || okFans >= rig.settings.miner.cooling.fan_min_count,
    chainsOk: okChains >= Math.max(1, minChains),
    chipMax,
    restartTemp: Number(rig.settings.miner.misc['restart_temp'] ?? rig.model.restartTemp),
  };
  for (let i = 0; i < 6; i++) {
    const before = rig.phase;
    const step = advance(rig.phase, senses, env.timing, env.codes);
    rig.phase = step.phase;
    applyEvents(rig, step.events, env.now);
    if (step.phase === before) break;
    if (step.phase.state === 'initializing' && before.state !== 'initializing') rig.restartCount += 1;
  }

  const state = rig.phase.state;
  const point = operatingPoint(rig.model, rig.active);
  const pool = pickPool(rig);
  const keepHashing = rig.active.misc['keep_hashing_when_offline'] === true;
  const hashing = isHashingState(rig) && (pool !== null || keepHashing);
  const tuning = state === 'auto-tuning' ? 0.85 : 1;
  if (rig.faults.dusting > 0) {
    rig.faults.clogged = Math.min(0.95, rig.faults.clogged + (rig.faults.dusting * dtSec) / 3600);
  }
  const flow = airflow(rig.fans, rig.fanDuty, rig.faults.clogged);
  let total = 0;
  let watts = 0;
  for (const chain of rig.chains) {
    const load = chainLoad(rig.model, point, chain, hashing, rig.throttle * tuning, env.rng.gauss());
    chain.hashrate = load.hashrate * (1 - rig.faults.weak);
    chain.power = Math.round(load.watts);
    total += chain.hashrate;
    watts += load.watts;
    const target = chipTargetTemp(rig.model, ambient, load.watts, flow);
    chain.chipTemp = lag(chain.chipTemp, target, dtSec, CHIP_TAU_SEC) + env.rng.gauss() * 0.15;
    chain.pcbTemp =
      lag(chain.pcbTemp, pcbFromChip(ambient, target), dtSec, PCB_TAU_SEC) + env.rng.gauss() * 0.1;
    chain.state = chainState(state, chain.fault);
    chain.description =
      chain.fault === 'failure'
        ? 'Chain failure'
        : chain.fault === 'disconnected'
          ? 'Chain disconnected'
          : null;
  }
  rig.hrRealtime = total;
  rig.hrAverage = rig.hrAverage === 0 ? total : averageStep(rig.hrAverage, total, dtSec);
  rig.powerW = Math.round(watts + 10 * okFans * (rig.fanDuty / 100));
  const cooling = state === 'restarting' && rig.phase.coolTo !== null;
  const cool = rig.active.cooling;
  rig.fanDuty = cooling
    ? 100
    : nextFanDuty(
        rig.fanDuty,
        cool.mode,
        chipMax,
        dtSec,
        { minDuty: cool.fan_min_duty, maxDuty: cool.fan_max_duty },
        fanPhase(state, hashing),
      );
  for (const f of rig.fans) f.rpm = fanRpm(rig.model.fanMaxRpm, rig.fanDuty, f.lost, env.rng.gauss());

  accrueShares(rig, dtSec, env, pool, hashing);
  recordMetric(rig, env.now);
}

/** Antminers run the fans flat out while initializing and starting, and idle them when stopped. */
function fanPhase(state: Rig['phase']['state'], hashing: boolean): 'hashing' | 'boot' | 'idle' {
  if (hashing) return 'hashing';
  if (state === 'initializing' || state === 'starting' || state === 'restarting') return 'boot';
  return 'idle';
}

function chainState(
  state: Rig['phase']['state'],
  fault: Rig['chains'][number]['fault'],
): Rig['chains'][number]['state'] {
  if (fault) return fault;
  if (state === 'mining' || state === 'auto-tuning') return 'mining';
  if (state === 'initializing' || state === 'starting' || state === 'restarting') return 'initializing';
  if (state === 'failure') return 'failure';
  return 'stopped';
}

/** The slot hashing now: the first configured pool that is reachable (docs/vnish.md §7 pool down). */
function pickPool(rig: Rig): number | null {
  const slots = rig.active.pools;
  let chosen: number | null = null;
  const preferred = rig.activePool;
  const order = [preferred, 0, 1, 2].filter((v, i, a) => a.indexOf(v) === i);
  for (const i of order) {
    const slot = slots[i];
    if (!slot || slot.url === '') continue;
    if (rig.faults.poolDown.includes(i)) continue;
    chosen = i;
    break;
  }
  slots.forEach((slot, i) => {
    const rt = rig.pools[i];
    if (!rt) return;
    if (slot.url === '') rt.status = 'disabled';
    else if (rig.faults.poolDown.includes(i)) rt.status = 'offline';
    else if (i === chosen) rt.status = rig.faults.poolRejecting.includes(i) ? 'rejecting' : 'active';
    else rt.status = 'working';
  });
  return chosen;
}

function accrueShares(rig: Rig, dtSec: number, env: StepEnv, pool: number | null, hashing: boolean): void {
  if (!hashing) return;
  // Hardware errors: a small base rate plus more from worn (orange) chips.
  const orange = rig.chains.reduce((n, c) => n + c.orange, 0);
  // Calibrated on the S19 Pro capture: ~0.01 HW errors per second on a healthy machine.
  rig.hwCarry += dtSec * (rig.hrRealtime / 1e6 + orange * 0.002);
  const hw = Math.floor(rig.hwCarry);
  rig.hwCarry -= hw;
  rig.hwErrors += hw;
  if (hw > 0) {
    const chain = rig.chains[env.rng.int(0, rig.chains.length - 1)];
    if (chain) chain.hwErrors += hw;
  }
  if (pool === null) return;
  const rt = rig.pools[pool];
  if (!rt) return;
  rt.carry += expectedShares(rig.hrRealtime, env.poolDiff, dtSec);
  const n = Math.floor(rt.carry);
  rt.carry -= n;
  if (n === 0) return;
  if (rig.faults.poolRejecting.includes(pool)) rt.rejected += n;
  else {
    rt.accepted += n;
    rt.diffAccepted += n * env.poolDiff;
    rig.bestShare = Math.max(rig.bestShare, Math.floor(env.poolDiff * (1 + env.rng.next() * 40)));
  }
  rt.lastShareAt = env.now;
  rig.activePool = pool;
}

function recordMetric(rig: Rig, now: number): void {
  const last = rig.metrics[rig.metrics.length - 1];
  if (last && now - last.time * 1000 < METRIC_STEP_MS) return;
  rig.metrics.push({
    time: Math.floor(now / 1000),
    hashrate: rig.hrAverage,
    pcbMax: Math.round(Math.max(...rig.chains.map((c) => c.pcbTemp))),
    chipMax: Math.round(Math.max(...rig.chains.map((c) => c.chipTemp))),
    fanDuty: Math.round(rig.fanDuty),
    power: rig.powerW,
  });
  if (rig.metrics.length > METRIC_CAP) rig.metrics.shift();
}
