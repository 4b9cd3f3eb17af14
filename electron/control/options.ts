/**
 * `control.options`: what a face may offer each rig, read from the same facts `limits.ts` judges an action by,
 * so a dialog's bounds are the core's bounds (docs/vnish.md §3.2, §3.5, §4). Nothing is asked of the miner here.
 */
import type { Handlers } from '../../shared/contract';
import { type PresetOption, type RigOptions } from '../../shared/control';
import { parsePresetPretty } from '../../shared/units';
import { type PresetItem } from '../miners/vnish/schemas-tuning';
import { type RigFacts, THROTTLE_RANGE, THROTTLE_SINCE, versionAtLeast } from './limits';

export type OptionsSource = {
  /** Null for a rig not in the fleet. */
  facts(rigId: string): { facts: RigFacts; readAtMs: number | null; currentPreset: string | null } | null;
};

function presetOption(p: PresetItem): PresetOption {
  const figures = parsePresetPretty(p.pretty);
  return {
    name: p.name,
    pretty: p.pretty,
    status: p.status === 'tuned' || p.status === 'untuned' ? p.status : 'unknown',
    watts: figures.watts,
    hashrateMhs: figures.hashrateMhs,
    moddedPsuRequired: p.modded_psu_required,
  };
}

const unknownRig = (rigId: string): RigOptions => ({
  rigId,
  known: false,
  firmwareVersion: null,
  readAtMs: null,
  presets: null,
  currentPreset: null,
  overclock: null,
  cooling: null,
  throttle: { supported: null, min: THROTTLE_RANGE.min, max: THROTTLE_RANGE.max },
});

export function rigOptions(
  rigId: string,
  found: { facts: RigFacts; readAtMs: number | null; currentPreset: string | null } | null,
): RigOptions {
  if (found === null) return unknownRig(rigId);
  const { facts } = found;
  const oc = facts.model?.overclock ?? null;
  const cooling = facts.model?.cooling ?? null;
  return {
    rigId,
    known: true,
    firmwareVersion: facts.firmwareVersion,
    readAtMs: found.readAtMs,
    presets: facts.presets?.filter((p) => p.name !== '').map(presetOption) ?? null,
    currentPreset: found.currentPreset,
    overclock:
      oc === null
        ? null
        : {
            minFreq: oc.min_freq,
            maxFreq: oc.max_freq,
            defaultFreq: oc.default_freq,
            minVolt: oc.min_voltage,
            // The ceiling checkOverclock holds to: a modded PSU is not known from here.
            maxVolt: oc.max_voltage_stock_psu ?? oc.max_voltage,
            defaultVolt: oc.default_voltage,
          },
    cooling:
      cooling === null
        ? null
        : {
            minFanPwm: cooling.min_fan_pwm,
            minTargetTemp: cooling.min_target_temp,
            maxTargetTemp: cooling.max_target_temp,
          },
    throttle: {
      supported: versionAtLeast(facts.firmwareVersion, THROTTLE_SINCE),
      min: THROTTLE_RANGE.min,
      max: THROTTLE_RANGE.max,
    },
  };
}

export function optionsHandlers(source: OptionsSource): Pick<Handlers, 'control.options'> {
  return {
    'control.options': async ({ rigIds }) => ({
      rigs: rigIds.map((id) => rigOptions(id, source.facts(id))),
    }),
  };
}
