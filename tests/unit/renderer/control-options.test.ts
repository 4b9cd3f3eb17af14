// What a selection can be offered: the presets every rig lists (with their figures' spread), the frequency and
// voltage range every rig accepts, a typed value refused with the range in its units, and who has throttle.
import { describe, expect, it } from 'vitest';

import {
  checkValue,
  commonPresets,
  commonRange,
  formatVolts,
  overclockBounds,
  parseValue,
  throttleRigs,
  VOLT_SCALE,
} from '../../../renderer/control/options';
import { type PresetOption, type RigOptions, rigOptionsSchema } from '../../../shared/control';

const preset = (name: string, status: PresetOption['status'], watts: number, mhs: number): PresetOption => ({
  name,
  pretty: `${watts} watt ~ ${mhs} MH`,
  status,
  watts,
  hashrateMhs: mhs,
  moddedPsuRequired: false,
});

function rig(rigId: string, over: Partial<RigOptions> = {}): RigOptions {
  return rigOptionsSchema.parse({
    rigId,
    known: true,
    firmwareVersion: '1.3.4',
    readAtMs: 1,
    presets: [preset('3000', 'tuned', 3000, 8800), preset('3425', 'tuned', 3425, 9500)],
    currentPreset: '3425',
    overclock: {
      minFreq: 200,
      maxFreq: 800,
      defaultFreq: 500,
      minVolt: 1200,
      maxVolt: 1450,
      defaultVolt: 1360,
    },
    cooling: null,
    throttle: { supported: true, min: 20, max: 100 },
    ...over,
  });
}

describe('commonPresets', () => {
  it('keeps only presets every rig lists, counting where each is tuned and spanning their figures', () => {
    const a = rig('a');
    const b = rig('b', {
      presets: [preset('3425', 'untuned', 3400, 9400), preset('3700', 'tuned', 3700, 10100)],
    });
    const c = rig('c', {
      presets: [preset('3425', 'tuned', 3425, 9500), preset('3000', 'tuned', 3000, 8800)],
    });
    expect(commonPresets([a, b, c])).toEqual([
      {
        name: '3425',
        tuned: 2,
        of: 3,
        watts: { min: 3400, max: 3425 },
        hashrateMhs: { min: 9400, max: 9500 },
        pretty: null,
        moddedPsuRequired: false,
      },
    ]);
    // One rig: its own list, in its order, with its own text.
    expect(commonPresets([a]).map((p) => [p.name, p.pretty])).toEqual([
      ['3000', '3000 watt ~ 8800 MH'],
      ['3425', '3425 watt ~ 9500 MH'],
    ]);
  });

  it('offers nothing while any rig has not listed its presets', () => {
    expect(commonPresets([rig('a'), rig('b', { presets: null })])).toEqual([]);
    expect(commonPresets([])).toEqual([]);
  });
});

describe('bounds', () => {
  it('intersects the ranges: the highest minimum and the lowest maximum', () => {
    const l9 = rig('b', {
      overclock: {
        minFreq: 300,
        maxFreq: 700,
        defaultFreq: 500,
        minVolt: 1250,
        maxVolt: 1500,
        defaultVolt: 1360,
      },
    });
    expect(overclockBounds([rig('a'), l9])).toEqual({
      freq: { min: 300, max: 700 },
      volt: { min: 1250, max: 1450 },
    });
    expect(overclockBounds([rig('a'), rig('c', { overclock: null })])).toEqual({ freq: null, volt: null });
    expect(
      commonRange([
        { min: 1, max: 5 },
        { min: 6, max: 9 },
      ]),
    ).toBeNull();
    expect(commonRange([{ min: 1, max: null }])).toBeNull();
  });

  it('refuses a value outside the range with the range in its units, and reads volts into 10 mV', () => {
    const volt = { min: 1200, max: 1450 };
    expect(checkValue('Voltage', 'V', '14.6', volt, VOLT_SCALE)).toBe(
      'Voltage must be between 12 and 14.50 V.',
    );
    expect(checkValue('Voltage', 'V', '13.805', volt, VOLT_SCALE)).toBe('Voltage has too many decimals.');
    expect(checkValue('Voltage', 'V', '13.8', volt, VOLT_SCALE)).toBeNull();
    expect(parseValue('13.8', VOLT_SCALE)).toBe(1380);
    expect(checkValue('Frequency', 'MHz', '801', { min: 200, max: 800 })).toBe(
      'Frequency must be between 200 and 800 MHz.',
    );
    expect(checkValue('Frequency', 'MHz', 'fast', { min: 200, max: 800 })).toBe(
      'Frequency must be a number.',
    );
    expect(checkValue('Frequency', 'MHz', '600', null)).toBe(
      'The rigs have not said their frequency range yet.',
    );
    expect(checkValue('Frequency', 'MHz', ' ', { min: 200, max: 800 })).toBeNull();
    expect(parseValue(' ')).toBeNull();
    expect(formatVolts(1380)).toBe('13.80 V');
  });

  it('sends throttle only to rigs whose firmware is known to have it', () => {
    const old = rig('b', { firmwareVersion: '1.2.7', throttle: { supported: false, min: 20, max: 100 } });
    const unknown = rig('c', { firmwareVersion: null, throttle: { supported: null, min: 20, max: 100 } });
    expect(throttleRigs([rig('a'), old, unknown])).toEqual(['a']);
  });
});
