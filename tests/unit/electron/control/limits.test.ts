// The limits every action passes before anything is sent: the rig's own /model ranges, its preset list and its
// firmware version decide; an unknown fact refuses rather than guesses.
import { describe, expect, it } from 'vitest';
import { RpcError } from '../../../../shared/errors';
import { type ControlAction } from '../../../../electron/control/actions';
import { checkAction, type RigFacts, versionAtLeast } from '../../../../electron/control/limits';
import { modelSchema } from '../../../../electron/miners/vnish/schemas-info';
import { presetsSchema } from '../../../../electron/miners/vnish/schemas-tuning';

// An L7's /model and /autotune/presets as the virtual miner serves them (OpenAPI `MinerModelInfo`).
const model = modelSchema.parse({
  full_name: 'Antminer L7',
  model: 'l7',
  algorithm: 'scrypt',
  series: 'l7',
  platform: 'aml',
  hr_measure: 'MH/s',
  serial: 'N/A',
  chain: { chips_per_chain: 120, chips_per_domain: 4, num_chains: 3 },
  cooling: { min_fan_pwm: 10, min_target_temp: 30, max_target_temp: 90 },
  overclock: {
    max_voltage: 1500,
    min_voltage: 1200,
    default_voltage: 1360,
    max_voltage_stock_psu: 1450,
    max_freq: 800,
    min_freq: 200,
    default_freq: 500,
    warn_freq: 650,
  },
});
const presets = presetsSchema.parse([
  { name: '3425', pretty: '3425 watt ~ 9500 MH', status: 'tuned' },
  { name: '3700', pretty: '3700 watt ~ 10100 MH', status: 'untuned' },
]);
const facts: RigFacts = { firmwareVersion: '1.3.4', model, presets };

function refusal(action: ControlAction, f: RigFacts = facts): string {
  const e = checkAction(action, f);
  expect(e).toBeInstanceOf(RpcError);
  expect(e?.code).toBe('invalid_argument');
  return e?.message ?? '';
}

describe('checkAction', () => {
  it('lets actions without parameters through whatever is known', () => {
    const none: RigFacts = { firmwareVersion: null, model: null, presets: null };
    for (const kind of ['reboot', 'start', 'stop', 'restart', 'pause', 'resume'] as const)
      expect(checkAction({ kind }, none)).toBeNull();
    expect(checkAction({ kind: 'locate', on: true }, none)).toBeNull();
  });

  it('accepts a preset the rig lists and refuses an unknown one, naming what it offers', () => {
    expect(checkAction({ kind: 'preset', name: '3700' }, facts)).toBeNull();
    const message = refusal({ kind: 'preset', name: '9999' });
    expect(message).toContain('Unknown preset "9999"');
    expect(message).toContain('3425, 3700');
    expect(refusal({ kind: 'preset', name: '3425' }, { ...facts, presets: null })).toContain(
      'not listed its presets',
    );
  });

  it('holds frequency and voltage to the model range, voltage to the stock-PSU ceiling', () => {
    expect(checkAction({ kind: 'overclock', freq: 800, volt: 1200 }, facts)).toBeNull();
    expect(checkAction({ kind: 'overclock', freq: 200, volt: null }, facts)).toBeNull();
    expect(refusal({ kind: 'overclock', freq: 801, volt: null })).toBe(
      "frequency 801 is outside this model's range 200–800; nothing was sent.",
    );
    expect(refusal({ kind: 'overclock', freq: null, volt: 1199 })).toContain('voltage 1199');
    // 1500 is the model's maximum but only with a modded PSU, which RigDeck cannot see.
    expect(refusal({ kind: 'overclock', freq: null, volt: 1460 })).toContain('1200–1450');
    expect(refusal({ kind: 'overclock', freq: 550.5, volt: null })).toContain('whole number');
    expect(refusal({ kind: 'overclock', freq: null, volt: null })).toContain('frequency or a voltage');
    expect(refusal({ kind: 'overclock', freq: 500, volt: null }, { ...facts, model: null })).toContain(
      'not said its overclock limits',
    );
  });

  it('refuses an overclock when the model left a bound out', () => {
    const partial = modelSchema.parse({ overclock: { min_freq: 200, max_voltage: 1500, min_voltage: 1200 } });
    expect(refusal({ kind: 'overclock', freq: 500, volt: null }, { ...facts, model: partial })).toContain(
      'frequency range',
    );
    // Without the stock-PSU figure the model's own maximum is the ceiling.
    expect(
      checkAction({ kind: 'overclock', freq: null, volt: 1500 }, { ...facts, model: partial }),
    ).toBeNull();
  });

  it('throttles only from Vnish 1.3.3, within 20–100 %', () => {
    expect(checkAction({ kind: 'throttle', percent: 80 }, facts)).toBeNull();
    expect(checkAction({ kind: 'throttle', percent: 20 }, { ...facts, firmwareVersion: '1.3.3' })).toBeNull();
    expect(refusal({ kind: 'throttle', percent: 80 }, { ...facts, firmwareVersion: '1.2.7' })).toBe(
      'Throttle needs Vnish 1.3.3 or later; this rig runs 1.2.7.',
    );
    expect(refusal({ kind: 'throttle', percent: 80 }, { ...facts, firmwareVersion: null })).toContain(
      'unknown',
    );
    expect(refusal({ kind: 'throttle', percent: 19 })).toContain('20–100');
    expect(refusal({ kind: 'throttle', percent: 101 })).toContain('20–100');
  });
});

describe('versionAtLeast', () => {
  const min = { major: 1, minor: 3, patch: 3 };
  it('compares major, minor and patch, reading white-label and rc versions', () => {
    expect(versionAtLeast('1.3.3', min)).toBe(true);
    expect(versionAtLeast('1.3.10', min)).toBe(true);
    expect(versionAtLeast('2.0.0', min)).toBe(true);
    expect(versionAtLeast('1.4', min)).toBe(true);
    expect(versionAtLeast('1.3.2', min)).toBe(false);
    expect(versionAtLeast('1.2.9', min)).toBe(false);
    expect(versionAtLeast('7Miners 1.3.4-rc1', min)).toBe(true);
    expect(versionAtLeast('0.9', min)).toBe(false);
    expect(versionAtLeast(null, min)).toBeNull();
    expect(versionAtLeast('unknown', min)).toBeNull();
  });

  it('holds fan modes to the model’s target range and duty floor, each with only its own value', () => {
    expect(checkAction({ kind: 'fan', mode: 'auto', target: 30, duty: null }, facts)).toBeNull();
    expect(checkAction({ kind: 'fan', mode: 'auto', target: 90, duty: null }, facts)).toBeNull();
    expect(refusal({ kind: 'fan', mode: 'auto', target: 91, duty: null })).toBe(
      "target temperature 91 is outside this model's range 30–90; nothing was sent.",
    );
    expect(refusal({ kind: 'fan', mode: 'auto', target: 29, duty: null })).toContain('outside');
    expect(checkAction({ kind: 'fan', mode: 'manual', target: null, duty: 10 }, facts)).toBeNull();
    expect(checkAction({ kind: 'fan', mode: 'manual', target: null, duty: 100 }, facts)).toBeNull();
    expect(refusal({ kind: 'fan', mode: 'manual', target: null, duty: 101 })).toContain('fan duty 101');
    expect(refusal({ kind: 'fan', mode: 'manual', target: null, duty: 9 })).toContain('range 10–100');
    expect(refusal({ kind: 'fan', mode: 'manual', target: 60, duty: 50 })).toContain('no target');
    expect(refusal({ kind: 'fan', mode: 'auto', target: null, duty: null })).toContain('takes a target');
    expect(checkAction({ kind: 'fan', mode: 'immersion', target: null, duty: null }, facts)).toBeNull();
    expect(refusal({ kind: 'fan', mode: 'immersion', target: 60, duty: null })).toContain('no target');
    const blind: RigFacts = { ...facts, model: null };
    expect(refusal({ kind: 'fan', mode: 'auto', target: 60, duty: null }, blind)).toContain('not said');
  });

  it('takes pools either as a list or from a sound template, never both or neither', () => {
    const template = { name: 'prohashing' as const, coin: 'litecoin', region: 'eu', account: 'farmco' };
    const slot = { url: 'stratum+tcp://pool.example:3333', user: 'me', pass: 'x' };
    expect(checkAction({ kind: 'pools', pools: null, template }, facts)).toBeNull();
    expect(checkAction({ kind: 'pools', pools: [slot], template: null }, facts)).toBeNull();
    expect(refusal({ kind: 'pools', pools: [slot], template })).toContain('not both');
    expect(refusal({ kind: 'pools', pools: null, template: null })).toContain('not neither');
    expect(refusal({ kind: 'pools', pools: null, template: { ...template, region: 'mars' } })).toContain(
      'Unknown ProHashing region "mars"',
    );
    expect(refusal({ kind: 'pools', pools: null, template: { ...template, coin: 'Lite Coin' } })).toContain(
      'not a ProHashing coin name',
    );
    expect(refusal({ kind: 'pools', pools: [{ ...slot, url: ' ' }], template: null })).toContain('Pool 1');
    expect(checkAction({ kind: 'switch-pool', index: 2 }, facts)).toBeNull();
  });
});
