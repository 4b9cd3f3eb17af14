/**
 * Whether an action may be sent to a rig at all, decided from what the rig itself said (docs/vnish.md §3.2
 * `/model` limits, §3.5 presets, §4 throttle from 1.3.3) before anything goes out. When a fact needed to judge
 * is missing, the action is refused: a control must never be the thing that hurts a rig.
 */
import { type FanMode, type PoolSlot, type PoolTemplate } from '../../shared/control';
import { RpcError } from '../../shared/errors';
import { templateProblem } from '../../shared/prohashing-template';
import { type ModelInfo } from '../miners/vnish/schemas-info';
import { type PresetItem } from '../miners/vnish/schemas-tuning';
import { parseVersion } from '../miners/vnish/version';
import { type ControlAction } from './actions';
import { firmwareRefusal, NO_STAGED_FILES, type StagedFiles } from './firmware/check';

/** What the collector's reads know of one rig (its slow tier and identity). */
export type RigFacts = {
  firmwareVersion: string | null;
  model: ModelInfo | null;
  presets: PresetItem[] | null;
};

/** Vnish's throttle endpoint and its range (docs/vnish.md §4). */
export const THROTTLE_SINCE = { major: 1, minor: 3, patch: 3 } as const;
export const THROTTLE_RANGE = { min: 20, max: 100 } as const;

function refuse(message: string): RpcError {
  return new RpcError({ code: 'invalid_argument', message });
}

export function versionAtLeast(
  text: string | null,
  min: { major: number; minor: number; patch: number },
): boolean | null {
  const v = parseVersion(text);
  if (v === null) return null;
  if (v.major !== min.major) return v.major > min.major;
  if (v.minor !== min.minor) return v.minor > min.minor;
  return v.patch >= min.patch;
}

function checkRange(
  what: string,
  value: number,
  min: number | null | undefined,
  max: number | null | undefined,
): RpcError | null {
  if (!Number.isInteger(value)) return refuse(`${what} must be a whole number, got ${value}.`);
  if (min === null || min === undefined || max === null || max === undefined)
    return refuse(`The rig has not said its ${what} range yet (/model); nothing was sent.`);
  if (value < min || value > max)
    return refuse(`${what} ${value} is outside this model's range ${min}–${max}; nothing was sent.`);
  return null;
}

function checkPreset(name: string, facts: RigFacts): RpcError | null {
  if (facts.presets === null) return refuse('The rig has not listed its presets yet; nothing was sent.');
  if (facts.presets.some((p) => p.name === name)) return null;
  const known = facts.presets.map((p) => p.name).join(', ');
  return refuse(`Unknown preset "${name}" for this rig (it offers: ${known || 'none'}); nothing was sent.`);
}

function checkThrottle(percent: number, facts: RigFacts): RpcError | null {
  const since = `${THROTTLE_SINCE.major}.${THROTTLE_SINCE.minor}.${THROTTLE_SINCE.patch}`;
  const ok = versionAtLeast(facts.firmwareVersion, THROTTLE_SINCE);
  if (ok === null) return refuse(`Throttle needs Vnish ${since} or later; this rig's version is unknown.`);
  if (!ok) return refuse(`Throttle needs Vnish ${since} or later; this rig runs ${facts.firmwareVersion}.`);
  return checkRange('throttle percent', percent, THROTTLE_RANGE.min, THROTTLE_RANGE.max);
}

function checkOverclock(freq: number | null, volt: number | null, facts: RigFacts): RpcError | null {
  if (freq === null && volt === null) return refuse('Overclock needs a frequency or a voltage.');
  const oc = facts.model?.overclock ?? null;
  if (oc === null) return refuse('The rig has not said its overclock limits yet (/model); nothing was sent.');
  // A modded PSU is not known from here: the stock-PSU ceiling is the one that cannot hurt.
  const maxVolt = oc.max_voltage_stock_psu ?? oc.max_voltage;
  return (
    (freq === null ? null : checkRange('frequency', freq, oc.min_freq, oc.max_freq)) ??
    (volt === null ? null : checkRange('voltage', volt, oc.min_voltage, maxVolt))
  );
}

/** Manual duty tops out at full speed whatever the model says (Vnish's cooling schema caps it at 100 %). */
export const FAN_DUTY_MAX = 100;

function checkFan(
  mode: FanMode,
  target: number | null,
  duty: number | null,
  facts: RigFacts,
): RpcError | null {
  const cooling = facts.model?.cooling ?? null;
  switch (mode) {
    case 'auto':
      if (target === null || duty !== null)
        return refuse('Fan mode auto takes a target temperature (°C) and no duty.');
      if (cooling === null)
        return refuse('The rig has not said its fan limits yet (/model); nothing was sent.');
      return checkRange('target temperature', target, cooling.min_target_temp, cooling.max_target_temp);
    case 'manual':
      if (duty === null || target !== null) return refuse('Fan mode manual takes a duty (%) and no target.');
      if (cooling === null)
        return refuse('The rig has not said its fan limits yet (/model); nothing was sent.');
      return checkRange('fan duty', duty, cooling.min_fan_pwm, FAN_DUTY_MAX);
    case 'immersion':
      // Every Vnish build RigDeck knows (1.2.x, 1.3.x) has immersion (docs/vnish.md §3.7), so no version gate.
      if (target !== null || duty !== null) return refuse('Fan mode immersion takes no target and no duty.');
      return null;
  }
}

function checkPools(pools: PoolSlot[] | null, template: PoolTemplate | null): RpcError | null {
  if ((pools === null) === (template === null))
    return refuse('Pools need either the pool list or a template, not both and not neither.');
  if (template !== null) {
    const problem = templateProblem(template);
    return problem === null ? null : refuse(`${problem} Nothing was sent.`);
  }
  const blank = (pools ?? []).findIndex((p) => p.url.trim() === '' || p.user.trim() === '');
  return blank === -1 ? null : refuse(`Pool ${blank + 1} needs a URL and a user; nothing was sent.`);
}

/** Null when the action may be sent; else the reason, as the error the caller returns for that rig. */
export function checkAction(
  action: ControlAction,
  facts: RigFacts,
  staged: StagedFiles = NO_STAGED_FILES,
): RpcError | null {
  switch (action.kind) {
    case 'preset':
      return checkPreset(action.name, facts);
    case 'throttle':
      return checkThrottle(action.percent, facts);
    case 'overclock':
      return checkOverclock(action.freq, action.volt, facts);
    case 'reboot':
    case 'start':
    case 'stop':
    case 'restart':
    case 'pause':
    case 'resume':
    case 'locate':
      return null;
    case 'firmware': {
      const why = firmwareRefusal(action.fileId, facts.model, staged);
      return why === null ? null : refuse(why);
    }
    case 'fan':
      return checkFan(action.mode, action.target, action.duty, facts);
    case 'pools':
      return checkPools(action.pools, action.template);
    // A missing slot is the miner's to refuse; the backup's existence and owner are checked in runner.ts.
    case 'switch-pool':
    case 'restore':
      return null;
  }
}
